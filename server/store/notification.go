package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// Deliveries of a notification.
const (
	DeliveryPending   = "pending"
	DeliverySent      = "sent"
	DeliveryFailed    = "failed"
	DeliveryOff       = "off"
	DeliveryNoAddress = "no_address"
)

// maxDeliveryAttempts is how often a failing address is tried.
const maxDeliveryAttempts = 5

// recordNotification notes, in the transaction of the change, that an
// idea's status moved; the notify package sends what is pending.
func (s *Store) recordNotification(ctx context.Context, tx *sqlx.Tx, contributionID int64, status string) error {
	var email string
	if err := get(ctx, tx, &email, `SELECT notify_email FROM contribution WHERE id = ?`, contributionID); err != nil {
		return fmt.Errorf("store: unable to read notification address: %w", err)
	}
	delivery := DeliveryPending
	if email == "" {
		delivery = DeliveryNoAddress
	}
	if _, err := exec(ctx, tx, `INSERT INTO notification (contribution_id, status, delivery, attempts, created_at)
		VALUES (?, ?, ?, 0, ?)`, contributionID, status, delivery, s.now()); err != nil {
		return fmt.Errorf("store: unable to record notification: %w", err)
	}
	return nil
}

// PendingNotification is one e-mail to send, with what it needs to say.
type PendingNotification struct {
	ID               int64  `db:"id"`
	ContributionID   int64  `db:"contribution_id"`
	Status           string `db:"status"`
	Attempts         int    `db:"attempts"`
	Email            string `db:"notify_email"`
	Title            string `db:"title"`
	Answer           string `db:"answer"`
	MunicipalitySlug string `db:"municipality_slug"`
	ProcessSlug      string `db:"process_slug"`
	ProcessTitle     string `db:"process_title"`
}

// PendingNotifications returns up to limit notifications waiting to be sent.
func (s *Store) PendingNotifications(ctx context.Context, limit int) ([]PendingNotification, error) {
	var pending []PendingNotification
	err := selectAll(ctx, s.reader, &pending, `SELECT n.id, n.contribution_id, n.status, n.attempts, c.notify_email, c.title, c.answer,
			m.slug AS municipality_slug, p.slug AS process_slug, p.title AS process_title
		FROM notification n JOIN contribution c ON c.id = n.contribution_id
		JOIN process p ON p.id = c.process_id JOIN municipality m ON m.id = p.municipality_id
		WHERE n.delivery = ? ORDER BY n.id LIMIT ?`, DeliveryPending, limit)
	if err != nil {
		return nil, fmt.Errorf("store: unable to load pending notifications: %w", err)
	}
	return pending, nil
}

// MarkNotification records the outcome of a delivery attempt; a failure is
// retried until maxDeliveryAttempts, then kept as failed.
func (s *Store) MarkNotification(ctx context.Context, id int64, delivery string) error {
	var sentAt any
	if delivery == DeliverySent {
		sentAt = s.now()
	}
	query := `UPDATE notification SET delivery = ?, attempts = attempts + 1, sent_at = ? WHERE id = ?`
	args := []any{delivery, sentAt, id}
	if delivery == DeliveryFailed {
		query = `UPDATE notification SET attempts = attempts + 1,
			delivery = CASE WHEN attempts + 1 >= ? THEN 'failed' ELSE 'pending' END WHERE id = ?`
		args = []any{maxDeliveryAttempts, id}
	}
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := exec(ctx, tx, query, args...); err != nil {
			return fmt.Errorf("store: unable to mark notification: %w", err)
		}
		return nil
	})
}

// Notification is one recorded status change, for tests and the staff view.
type Notification struct {
	ID             int64      `db:"id"`
	ContributionID int64      `db:"contribution_id"`
	Status         string     `db:"status"`
	Delivery       string     `db:"delivery"`
	Attempts       int        `db:"attempts"`
	CreatedAt      time.Time  `db:"created_at"`
	SentAt         *time.Time `db:"sent_at"`
}

// Notifications lists the recorded status changes of a contribution.
func (s *Store) Notifications(ctx context.Context, contributionID int64) ([]Notification, error) {
	var list []Notification
	err := selectAll(ctx, s.reader, &list, `SELECT id, contribution_id, status, delivery, attempts, created_at, sent_at
		FROM notification WHERE contribution_id = ? ORDER BY id`, contributionID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list notifications: %w", err)
	}
	return list, nil
}
