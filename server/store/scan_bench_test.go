package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"zukunftswerk"
	"zukunftswerk/server/domain"
)

// contributionRow is what the store would scan into if domain.Contribution
// carried no db tags: the same fields, tagged here, copied over afterwards.
// BenchmarkScanContributions measures what that costs, to decide whether
// domain keeps its tags (README, "Decisions worth knowing").
type contributionRow struct {
	ID             int64      `db:"id"`
	ProcessID      int64      `db:"process_id"`
	ActionFieldID  int64      `db:"action_field_id"`
	Kind           string     `db:"kind"`
	Title          string     `db:"title"`
	Body           string     `db:"body"`
	Origin         string     `db:"origin"`
	Pseudonym      string     `db:"pseudonym"`
	Visibility     string     `db:"visibility"`
	Status         string     `db:"status"`
	SupportCount   int        `db:"support_count"`
	ReportCount    int        `db:"report_count"`
	HiddenReason   string     `db:"hidden_reason"`
	CreatedAt      time.Time  `db:"created_at"`
	WorkshopID     *int64     `db:"workshop_id"`
	GroupTitle     string     `db:"group_title"`
	PhaseTitle     string     `db:"phase_title"`
	DotTotal       int        `db:"dot_total"`
	MergedIntoID   *int64     `db:"merged_into_id"`
	Theme          string     `db:"theme"`
	Importance     int        `db:"importance"`
	Feasibility    int        `db:"feasibility"`
	AssessmentNote string     `db:"assessment_note"`
	Answer         string     `db:"answer"`
	DecidedAt      *time.Time `db:"decided_at"`
}

func (r contributionRow) domain() domain.Contribution { return domain.Contribution(r) }

// BenchmarkScanContributions reads a page of 100 ideas from SQLite straight
// into domain.Contribution ("tagged") and into a store row type converted
// afterwards ("row").
//
//	go test ./server/store -run '^$' -bench ScanContributions -benchmem
func BenchmarkScanContributions(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "scan.db"), zukunftswerk.Migrations())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	now := time.Now().UTC()
	for _, q := range []string{
		`INSERT INTO municipality (id, slug, name, created_at) VALUES (1, 'm', 'M', ?)`,
		`INSERT INTO process (id, municipality_id, slug, title, created_at) VALUES (1, 1, 'p', 'P', ?)`,
	} {
		if _, err := exec(ctx, s.writer, q, now); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := exec(ctx, s.writer, `INSERT INTO action_field (id, process_id, position, title) VALUES (1, 1, 1, 'F')`); err != nil {
		b.Fatal(err)
	}
	for i := 0; i < 100; i++ {
		draft := domain.IdeaDraft{ActionFieldID: 1, Title: fmt.Sprintf("Idee %d", i), Body: "Mehr Bänke am Neckarufer, bitte mit Schatten.", PrivacyAccepted: true}
		if _, _, err := s.CreateIdea(ctx, 1, draft, "device", fmt.Sprint("key-", i)); err != nil {
			b.Fatal(err)
		}
	}
	query := `SELECT ` + contributionColumns + ` FROM contribution WHERE process_id = ? ORDER BY id LIMIT 100`
	b.Run("tagged", func(b *testing.B) {
		for b.Loop() {
			var list []domain.Contribution
			if err := selectAll(ctx, s.reader, &list, query, 1); err != nil || len(list) != 100 {
				b.Fatal(err, len(list))
			}
		}
	})
	b.Run("row", func(b *testing.B) {
		for b.Loop() {
			var rows []contributionRow
			if err := selectAll(ctx, s.reader, &rows, query, 1); err != nil || len(rows) != 100 {
				b.Fatal(err, len(rows))
			}
			list := make([]domain.Contribution, len(rows))
			for i, r := range rows {
				list[i] = r.domain()
			}
		}
	})
}
