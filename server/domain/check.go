package domain

import (
	"slices"
	"time"
)

// The Bilanzwerkstatt's stock-taking check ("Wo stehen wir?"): before any
// citizen speaks, the project group goes through a catalogue of items per
// action field and records for each what the town has (status) and how
// soon something must happen (need).

// Statuses of a check item: what the town has today.
const (
	CheckPresent       = "vorhanden"
	CheckPartial       = "teilweise"
	CheckMissing       = "fehlt"
	CheckNotApplicable = "nicht_zutreffend"
)

// CheckStatuses in the order the form and the summary show them.
var CheckStatuses = []string{CheckPresent, CheckPartial, CheckMissing, CheckNotApplicable}

// Needs of a check item: how soon something must happen, most urgent
// first.
const (
	NeedUrgent = "dringend"
	NeedMedium = "mittelfristig"
	NeedLong   = "langfristig"
	NeedNone   = "kein_bedarf"
)

// CheckNeeds in order of urgency, the most urgent first.
var CheckNeeds = []string{NeedUrgent, NeedMedium, NeedLong, NeedNone}

// Limits of a check's texts, in characters.
const (
	MaxCheckTitle    = 160
	MaxCheckQuestion = 500
	MaxCheckHint     = 1000
	MaxCheckTopic    = 120
	MaxCheckNote     = 2000
	MaxCheckOwner    = 120
)

// CheckTemplate is an installation-wide catalogue of check items.
type CheckTemplate struct {
	ID          int64     `db:"id"`
	Slug        string    `db:"slug"`
	Title       string    `db:"title"`
	Description string    `db:"description"`
	CreatedAt   time.Time `db:"created_at"`
}

// CheckField is a field of a template; its position matches the number of
// the process's action field.
type CheckField struct {
	ID         int64  `db:"id"`
	TemplateID int64  `db:"template_id"`
	Position   int    `db:"position"`
	Title      string `db:"title"`
}

// CheckItem is one question of the check, as the municipality asks it (its
// own wording when it has one).
type CheckItem struct {
	ID       int64  `db:"id"`
	FieldID  int64  `db:"field_id"`
	Topic    string `db:"topic"`
	Position int    `db:"position"`
	Question string `db:"question"`
	Hint     string `db:"hint"`
	Own      bool   `db:"own"` // added by the municipality, not in the template
}

// CheckRound is one sitting of the check for a process.
type CheckRound struct {
	ID         int64     `db:"id"`
	ProcessID  int64     `db:"process_id"`
	TemplateID int64     `db:"template_id"`
	Title      string    `db:"title"`
	HeldOn     time.Time `db:"held_on"`
	PreviousID *int64    `db:"previous_id"`
	Public     bool      `db:"public"`
	CreatedAt  time.Time `db:"created_at"`
}

// CheckValues are what the project group records for an item.
type CheckValues struct {
	Status string `db:"status"`
	Need   string `db:"need"`
	Note   string `db:"note"`
	Owner  string `db:"owner"`
}

// CheckAnswer is an item's stored answer in a round. Version counts its
// saves: 0 is an item nobody answered yet.
type CheckAnswer struct {
	RoundID int64 `db:"round_id"`
	ItemID  int64 `db:"item_id"`
	CheckValues
	Version   int        `db:"version"`
	UpdatedAt *time.Time `db:"updated_at"`
	UpdatedBy string     `db:"updated_by"`
	// ChallengeID is the challenge of the action field the item became.
	ChallengeID *int64 `db:"challenge_id"`
}

// CheckOrigin is the item of a round a challenge came from.
type CheckOrigin struct {
	RoundID    int64  `db:"round_id"`
	ItemID     int64  `db:"item_id"`
	RoundTitle string `db:"round_title"`
	Question   string `db:"question"`
}

// ValidateCheckRound lists the problems of a new round's title and date.
func ValidateCheckRound(r CheckRound) []FieldError {
	var problems []FieldError
	if key := ValidateText(r.Title, MaxCheckTitle); key != "" {
		problems = append(problems, FieldError{Field: "title", MessageKey: key})
	}
	if !ValidDay(r.HeldOn) {
		problems = append(problems, FieldError{Field: "held_on", MessageKey: "admin.error.date"})
	}
	return problems
}

// ValidateCheckValues lists the problems of an answer: a status and a need
// from their lists (or none yet), a note and a name that fit.
func ValidateCheckValues(v CheckValues) []FieldError {
	var problems []FieldError
	add := func(field, key string) { problems = append(problems, FieldError{Field: field, MessageKey: key}) }
	if v.Status != "" && !slices.Contains(CheckStatuses, v.Status) {
		add("status", "error.bad_request")
	}
	if v.Need != "" && !slices.Contains(CheckNeeds, v.Need) {
		add("need", "error.bad_request")
	}
	if key := ValidateLongText(v.Note, MaxCheckNote); key != "" {
		add("note", key)
	}
	if v.Owner != "" {
		if key := ValidateText(v.Owner, MaxCheckOwner); key != "" {
			add("owner", key)
		}
	}
	return problems
}

// MergeCheckValues merges what one person saved (mine, started from base)
// with what is stored now (theirs, saved by someone else since base): a
// field only one of them changed takes that change. The fields both changed
// to different values are the conflicts; merged holds theirs there.
func MergeCheckValues(base, mine, theirs CheckValues) (merged CheckValues, conflicts []string) {
	pick := func(name string, b, m, t string) string {
		switch {
		case m == b || m == t:
			return t
		case t == b:
			return m
		}
		conflicts = append(conflicts, name)
		return t
	}
	merged.Status = pick("status", base.Status, mine.Status, theirs.Status)
	merged.Need = pick("need", base.Need, mine.Need, theirs.Need)
	merged.Note = pick("note", base.Note, mine.Note, theirs.Note)
	merged.Owner = pick("owner", base.Owner, mine.Owner, theirs.Owner)
	return merged, conflicts
}

// CheckConflict is a save refused because someone else changed the same
// fields since the form was loaded: what is stored now, and which fields
// clash.
type CheckConflict struct {
	Current CheckAnswer
	Fields  []string
}

func (c *CheckConflict) Error() string { return "domain: the check item was changed meanwhile" }

// NeedRank orders needs by urgency (0 most urgent); an item without a need
// comes last.
func NeedRank(need string) int {
	if i := slices.Index(CheckNeeds, need); i >= 0 {
		return i
	}
	return len(CheckNeeds)
}

// HasNeed reports whether an answer calls for action.
func (v CheckValues) HasNeed() bool {
	return v.Need == NeedUrgent || v.Need == NeedMedium || v.Need == NeedLong
}
