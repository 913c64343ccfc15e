package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
)

// DeviceContribution is a contribution with where it lives, for the
// citizen's own overview and export.
type DeviceContribution struct {
	ID               int64     `db:"id"`
	Title            string    `db:"title"`
	Kind             string    `db:"kind"` // an idea, or a workshop card (domain.KindChallenge …)
	Body             string    `db:"body"`
	Pseudonym        string    `db:"pseudonym"`
	Status           string    `db:"status"`
	SupportCount     int       `db:"support_count"`
	CreatedAt        time.Time `db:"created_at"`
	ActionFieldTitle string    `db:"action_field_title"`
	ProcessTitle     string    `db:"process_title"`
	MunicipalitySlug string    `db:"municipality_slug"`
	ProcessSlug      string    `db:"process_slug"`
	SupportedAt      time.Time `db:"supported_at"` // only in DeviceSupports
	Visibility       string    `db:"visibility"`
	HiddenReason     string    `db:"hidden_reason"`
	NotifyEmail      string    `db:"notify_email"` // the citizen's own optional address
	Answer           string    `db:"answer"`
}

const deviceContributionColumns = `c.id, c.title, c.kind, c.body, c.pseudonym, c.status, c.support_count, c.created_at,
	c.visibility, c.hidden_reason, c.notify_email, c.answer,
	f.title AS action_field_title, p.title AS process_title, m.slug AS municipality_slug, p.slug AS process_slug`

const deviceContributionJoins = ` JOIN action_field f ON f.id = c.action_field_id
	JOIN process p ON p.id = c.process_id
	JOIN municipality m ON m.id = p.municipality_id`

// DeviceRecords is everything one device contributed and supported.
type DeviceRecords struct {
	Contributions []DeviceContribution // newest first
	Supports      []DeviceContribution // newest support first
}

// DeviceData loads what the device contributed and supported, across all
// processes, or within one municipality when municipalityID > 0 (a data
// request made to that town).
func (s *Store) DeviceData(ctx context.Context, deviceHash string, municipalityID int64) (DeviceRecords, error) {
	var r DeviceRecords
	scope, args := "", []any{deviceHash}
	if municipalityID > 0 {
		scope, args = " AND m.id = ?", append(args, municipalityID)
	}
	err := selectAll(ctx, s.reader, &r.Contributions, `SELECT `+deviceContributionColumns+`, c.created_at AS supported_at
		FROM contribution c`+deviceContributionJoins+`
		WHERE c.device_hash = ?`+scope+` ORDER BY c.created_at DESC, c.id DESC`, args...)
	if err != nil {
		return r, fmt.Errorf("store: unable to list the device's contributions: %w", err)
	}
	err = selectAll(ctx, s.reader, &r.Supports, `SELECT `+deviceContributionColumns+`, su.created_at AS supported_at
		FROM support su JOIN contribution c ON c.id = su.contribution_id`+deviceContributionJoins+`
		WHERE su.device_hash = ? AND c.visibility = 'visible'`+scope+` ORDER BY su.created_at DESC, c.id DESC`, args...)
	if err != nil {
		return r, fmt.Errorf("store: unable to list the device's supports: %w", err)
	}
	return r, nil
}

// DeviceHashByCode finds the device whose hash starts with the code a
// citizen read on "Meine Beiträge" (32 hex digits, validated by the
// caller) among what it left in the municipality; "" when it left nothing.
// A data request is rare; the range condition would use an index on
// device_hash if one is ever added.
func (s *Store) DeviceHashByCode(ctx context.Context, code string, municipalityID int64) (string, error) {
	var hashes []string
	err := selectAll(ctx, s.reader, &hashes, `SELECT c.device_hash FROM contribution c JOIN process p ON p.id = c.process_id
		WHERE c.device_hash >= ? AND c.device_hash < ? AND p.municipality_id = ?
		UNION SELECT su.device_hash FROM support su JOIN contribution c ON c.id = su.contribution_id JOIN process p ON p.id = c.process_id
		WHERE su.device_hash >= ? AND su.device_hash < ? AND p.municipality_id = ?`,
		code, code+"g", municipalityID, code, code+"g", municipalityID)
	if err != nil {
		return "", fmt.Errorf("store: unable to find the device: %w", err)
	}
	if len(hashes) == 0 {
		return "", nil
	}
	return hashes[0], nil
}

// EraseDevice cuts every link between the device and the data: its supports
// are removed (and the counts lowered), its contributions stay public but
// lose their pseudonym and their device. It returns how many of each.
func (s *Store) EraseDevice(ctx context.Context, deviceHash string) (anonymised, supportsRemoved int, err error) {
	err = s.inTx(ctx, func(tx *sqlx.Tx) error {
		anonymised, supportsRemoved, err = s.eraseDevice(ctx, tx, deviceHash, 0)
		return err
	})
	return anonymised, supportsRemoved, err
}

// EraseDeviceFor does the same on a citizen's request to the staff of one
// municipality, limited to that municipality's processes, and audited.
func (s *Store) EraseDeviceFor(ctx context.Context, actor Actor, municipalityID int64, deviceHash string) (anonymised, supportsRemoved int, err error) {
	err = s.audited(ctx, actor, municipalityID, "device.erase", "device", deviceHash[:12], "", func(tx *sqlx.Tx) error {
		anonymised, supportsRemoved, err = s.eraseDevice(ctx, tx, deviceHash, municipalityID)
		return err
	})
	return anonymised, supportsRemoved, err
}

func (s *Store) eraseDevice(ctx context.Context, tx *sqlx.Tx, deviceHash string, municipalityID int64) (int, int, error) {
	scope, args := "", []any{deviceHash}
	if municipalityID > 0 {
		scope = ` AND contribution_id IN (SELECT c.id FROM contribution c JOIN process p ON p.id = c.process_id WHERE p.municipality_id = ?)`
		args = append(args, municipalityID)
	}
	// The supported contributions and the ones that absorbed them (merges)
	// are counted again once the device's supports are gone.
	var touched []int64
	if err := selectAll(ctx, tx, &touched, `SELECT DISTINCT COALESCE(c.merged_into_id, c.id) FROM support su
		JOIN contribution c ON c.id = su.contribution_id WHERE su.device_hash = ?`+strings.ReplaceAll(scope, "contribution_id", "su.contribution_id"), args...); err != nil {
		return 0, 0, fmt.Errorf("store: unable to find supported contributions: %w", err)
	}
	res, err := exec(ctx, tx, `DELETE FROM support WHERE device_hash = ?`+scope, args...)
	if err != nil {
		return 0, 0, fmt.Errorf("store: unable to remove supports: %w", err)
	}
	for _, id := range touched {
		if err := recountSupport(ctx, tx, id); err != nil {
			return 0, 0, err
		}
	}
	removed, _ := res.RowsAffected()
	contributionScope := ""
	if municipalityID > 0 {
		contributionScope = ` AND process_id IN (SELECT id FROM process WHERE municipality_id = ?)`
	}
	res, err = exec(ctx, tx, `UPDATE contribution SET device_hash = 'erased', pseudonym = '', notify_email = '' WHERE device_hash = ?`+contributionScope, args...)
	if err != nil {
		return 0, 0, fmt.Errorf("store: unable to anonymise contributions: %w", err)
	}
	changed, _ := res.RowsAffected()
	return int(changed), int(removed), nil
}
