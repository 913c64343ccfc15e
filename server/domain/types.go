package domain

import "time"

// Municipality is a town (Kommune) using the installation.
type Municipality struct {
	ID   int64  `db:"id" json:"-"`
	Slug string `db:"slug" json:"slug"`
	Name string `db:"name" json:"name"`
}

// Process is one participation process (Verfahren) of a municipality.
type Process struct {
	ID             int64  `db:"id" json:"-"`
	MunicipalityID int64  `db:"municipality_id" json:"-"`
	Slug           string `db:"slug" json:"slug"`
	Title          string `db:"title" json:"title"`
	Description    string `db:"description" json:"description"`
	Cycle          int    `db:"cycle" json:"cycle"`
	Status         string `db:"status" json:"status"`
	Moderation     string `db:"moderation" json:"-"`
}

// ActionField is a Handlungsfeld with its guiding question.
type ActionField struct {
	ID        int64  `db:"id" json:"id"`
	ProcessID int64  `db:"process_id" json:"-"`
	Position  int    `db:"position" json:"number"`
	Title     string `db:"title" json:"title"`
	Question  string `db:"question" json:"question"`
	Colour    string `db:"colour" json:"colour"`
}

// Date precisions of a milestone.
const (
	PrecisionDay   = "day"
	PrecisionMonth = "month"
	PrecisionNone  = "none"
)

// Milestone is one entry of the Fahrplan.
type Milestone struct {
	ID            int64      `db:"id"`
	ProcessID     int64      `db:"process_id"`
	Position      int        `db:"position"`
	OccursOn      *time.Time `db:"occurs_on"`
	DatePrecision string     `db:"date_precision"`
	Kind          string     `db:"kind"`
	Title         string     `db:"title"`
	Description   string     `db:"description"`
	Done          bool       `db:"done"`
	// A workshop's day has its hours and place (set by app.Fahrplan).
	Starts, Ends *time.Time `db:"-"`
	Location     string     `db:"-"`
}

// Contribution is anything a citizen said: an online idea or a workshop card.
type Contribution struct {
	ID            int64     `db:"id"`
	ProcessID     int64     `db:"process_id"`
	ActionFieldID int64     `db:"action_field_id"`
	Kind          string    `db:"kind"`
	Title         string    `db:"title"`
	Body          string    `db:"body"`
	Origin        string    `db:"origin"`
	Pseudonym     string    `db:"pseudonym"`
	Visibility    string    `db:"visibility"`
	Status        string    `db:"status"`
	SupportCount  int       `db:"support_count"`
	ReportCount   int       `db:"report_count"`
	HiddenReason  string    `db:"hidden_reason"`
	CreatedAt     time.Time `db:"created_at"`

	// From a workshop (origin "workshop").
	WorkshopID *int64 `db:"workshop_id"`
	GroupTitle string `db:"group_title"`
	PhaseTitle string `db:"phase_title"`
	DotTotal   int    `db:"dot_total"`

	// Curation by the project group.
	MergedIntoID   *int64     `db:"merged_into_id"`
	Theme          string     `db:"theme"`
	Importance     int        `db:"importance"`
	Feasibility    int        `db:"feasibility"`
	AssessmentNote string     `db:"assessment_note"`
	Answer         string     `db:"answer"`
	DecidedAt      *time.Time `db:"decided_at"`
}

// Where a contribution comes from.
const (
	OriginOnline   = "online"
	OriginWorkshop = "workshop" // a card written on a phone in a workshop
	OriginPaper    = "paper"    // a paper card of a workshop, typed in by a helper
	OriginCheck    = "check"    // a challenge an item of the Bilanzwerkstatt's check became
)

// Contribution statuses in their lifecycle order.
const (
	StatusSubmitted = "eingereicht"
)

// IdeaQuery selects ideas of one process for a list page or the API.
type IdeaQuery struct {
	ProcessID     int64
	ActionFieldID int64  // 0 means all fields
	Search        string // free text, may be empty
	Sort          string // SortNewest or SortSupport
	Page          int    // 1-based
	PerPage       int
}

// Sort orders of the idea list.
const (
	SortNewest  = "neu"
	SortSupport = "unterstuetzt"
)

// IdeaPage is one page of an idea list.
type IdeaPage struct {
	Ideas      []Contribution
	Total      int
	Page       int
	PerPage    int
	TotalPages int
}

// Exists reports whether the page asked for belongs to the list: page 1
// always (an empty list is one empty page), the others up to TotalPages.
func (p IdeaPage) Exists() bool { return p.Page <= max(p.TotalPages, 1) }

// ErrPageMissing answers a page number past the end of a list.
var ErrPageMissing = Errorf(CodeNotFound, "error.page_missing")
