// Package notify tells citizens by e-mail when their idea's status changes.
// Every change is recorded in the database in the transaction that made
// it (store.recordNotification); the Sender delivers what is pending, so a
// crash or a mail server outage loses nothing. Without SMTP configured the
// pending notifications are marked "off": recorded, not sent.
package notify

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"mime"
	"net"
	"net/smtp"
	"net/url"
	"strings"
	"time"

	"zukunftswerk/server/store"
)

// Mailer sends one plain-text e-mail.
type Mailer interface {
	Send(ctx context.Context, to, subject, body string) error
}

// Sender delivers pending notifications with Mailer (nil: sending is off).
type Sender struct {
	Store   *store.Store
	Mailer  Mailer
	Log     *slog.Logger
	BaseURL string
	// Text renders a catalog key in German, the language the e-mails use
	// (the citizen's language is not stored).
	Text func(key string, args ...any) string
}

// Run delivers pending notifications every interval until ctx ends.
func (s *Sender) Run(ctx context.Context, interval time.Duration) {
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for {
		if n, err := s.SendPending(ctx); err != nil {
			s.Log.Warn("unable to deliver notifications", "error", err)
		} else if n > 0 {
			s.Log.Info("notifications handled", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

// SendPending handles one batch of pending notifications and returns how
// many it handled.
func (s *Sender) SendPending(ctx context.Context) (int, error) {
	pending, err := s.Store.PendingNotifications(ctx, 100)
	if err != nil {
		return 0, err
	}
	for _, n := range pending {
		delivery := store.DeliveryOff
		if s.Mailer != nil {
			delivery = store.DeliverySent
			subject := s.Text("notification.mail_subject", n.Title)
			link := s.BaseURL + "/" + n.MunicipalitySlug + "/" + n.ProcessSlug + "/ideen/" + fmt.Sprint(n.ContributionID)
			body := s.Text("notification.mail_body", n.Title, n.ProcessTitle, s.Text("status."+n.Status), link)
			if n.Answer != "" {
				body += "\n\n" + s.Text("trail.answer") + "\n" + n.Answer
			}
			if err := s.Mailer.Send(ctx, n.Email, subject, body); err != nil {
				// The address is the citizen's: it stays out of the log.
				s.Log.Warn("notification e-mail failed", "notification", n.ID, "error", err)
				delivery = store.DeliveryFailed
			}
		}
		if err := s.Store.MarkNotification(ctx, n.ID, delivery); err != nil {
			return 0, err
		}
	}
	return len(pending), nil
}

// SMTP sends e-mail through a mail server given as a URL:
// smtp://user:password@host:587 (STARTTLS when offered) or
// smtps://user:password@host:465 (TLS from the start).
type SMTP struct {
	addr, host, from string
	auth             smtp.Auth
	implicitTLS      bool
}

// NewSMTP parses rawURL; the error never repeats it (it may hold a password).
func NewSMTP(rawURL, from string) (*SMTP, error) {
	invalid := errors.New("notify: SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465")
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "smtp" && u.Scheme != "smtps") || u.Hostname() == "" {
		return nil, invalid
	}
	if !plainAddress(from) {
		return nil, errors.New("notify: MAIL_FROM must be an e-mail address")
	}
	port := u.Port()
	if port == "" {
		port = map[string]string{"smtp": "587", "smtps": "465"}[u.Scheme]
	}
	m := &SMTP{addr: net.JoinHostPort(u.Hostname(), port), host: u.Hostname(), from: from, implicitTLS: u.Scheme == "smtps"}
	if u.User != nil {
		password, _ := u.User.Password()
		m.auth = smtp.PlainAuth("", u.User.Username(), password, u.Hostname())
	}
	return m, nil
}

// plainAddress keeps header injection out: an address on one line with an @.
func plainAddress(s string) bool {
	return strings.Contains(s, "@") && !strings.ContainsAny(s, "\r\n")
}

// Send delivers one message.
func (m *SMTP) Send(ctx context.Context, to, subject, body string) error {
	if !plainAddress(to) {
		return errors.New("notify: not an e-mail address")
	}
	dialer := &net.Dialer{Timeout: 10 * time.Second}
	var conn net.Conn
	var err error
	if m.implicitTLS {
		conn, err = tls.DialWithDialer(dialer, "tcp", m.addr, &tls.Config{ServerName: m.host})
	} else {
		conn, err = dialer.DialContext(ctx, "tcp", m.addr)
	}
	if err != nil {
		return fmt.Errorf("notify: unable to reach the mail server: %w", err)
	}
	_ = conn.SetDeadline(time.Now().Add(30 * time.Second))
	c, err := smtp.NewClient(conn, m.host)
	if err != nil {
		conn.Close()
		return fmt.Errorf("notify: mail server greeting failed: %w", err)
	}
	defer c.Close()
	if ok, _ := c.Extension("STARTTLS"); ok && !m.implicitTLS {
		if err := c.StartTLS(&tls.Config{ServerName: m.host}); err != nil {
			return fmt.Errorf("notify: STARTTLS failed: %w", err)
		}
	}
	if m.auth != nil {
		if err := c.Auth(m.auth); err != nil {
			return fmt.Errorf("notify: mail server refused the login: %w", err)
		}
	}
	if err := c.Mail(m.from); err != nil {
		return fmt.Errorf("notify: MAIL FROM refused: %w", err)
	}
	if err := c.Rcpt(to); err != nil {
		return fmt.Errorf("notify: recipient refused: %w", err)
	}
	w, err := c.Data()
	if err != nil {
		return fmt.Errorf("notify: DATA refused: %w", err)
	}
	msg := "From: " + m.from + "\r\nTo: " + to + "\r\nSubject: " + encodeHeader(subject) +
		"\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n" +
		"Date: " + time.Now().UTC().Format(time.RFC1123Z) + "\r\n\r\n" + strings.ReplaceAll(body, "\n", "\r\n") + "\r\n"
	if _, err := w.Write([]byte(msg)); err != nil {
		return fmt.Errorf("notify: unable to send the message: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("notify: message refused: %w", err)
	}
	return c.Quit()
}

// encodeHeader writes a UTF-8 header value as RFC 2047 words and keeps
// line breaks out of it.
func encodeHeader(s string) string {
	s = strings.NewReplacer("\r", " ", "\n", " ").Replace(s)
	return mime.QEncoding.Encode("utf-8", s)
}
