// Package config reads the server's settings from the environment and
// validates them before anything starts.
package config

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // the zones are in the binary: a slim container has no /usr/share/zoneinfo
)

// Config is everything the server needs to know about its surroundings.
type Config struct {
	ListenAddr string // LISTEN_ADDR, default ":8080"
	// MetricsAddr is the listener of /metrics (METRICS_ADDR, e.g.
	// "127.0.0.1:9090"); empty: metrics are not served at all. Never the
	// public listener.
	MetricsAddr string
	DatabaseURL string // DATABASE_URL: SQLite file path or file: URL, or postgres:// URL
	RedisURL    string // REDIS_URL; empty starts an in-process Redis
	RedisPrefix string // REDIS_PREFIX, prepended to every key
	BaseURL     string // BASE_URL, absolute URL for links and QR codes
	// Location is the installation's time zone (TIME_ZONE, or TZ; default
	// Europe/Berlin): every time is shown, exported and put into calendars
	// in it. Stored times stay UTC.
	Location *time.Location

	// MinFillTime is how long a human needs at least to fill in the idea
	// form; faster submissions are treated as bots (MIN_FILL_SECONDS).
	MinFillTime time.Duration
	// IdeaRateLimit is how many ideas one device may submit per hour
	// (IDEA_RATE_PER_HOUR).
	IdeaRateLimit int
	// ClientRateLimit bounds, per client address and hour, the supports,
	// the workshop joins and a tenth as many ideas (CLIENT_RATE_PER_HOUR,
	// default 2000): a script that throws its cookie away is a new device
	// every time, so the per-device limits alone would not stop it.
	ClientRateLimit int
	// CardRateLimit is how many cards one workshop participant may post
	// per minute (CARD_RATE_PER_MINUTE, default 20).
	CardRateLimit int
	// CardClientRateLimit is how many cards all phones behind one client
	// address may post per minute (CARD_RATE_PER_CLIENT_MINUTE, default
	// 300: sixty people writing three cards each in the same minute).
	CardClientRateLimit int
	// StreamsPerClient is how many live streams one client address may
	// hold open at once (STREAMS_PER_CLIENT, default 300: a hall's phones
	// and walls on one Wi-Fi).
	StreamsPerClient int
	// MaxBodyBytes caps every request body (MAX_BODY_BYTES).
	MaxBodyBytes int64
	// ReportThreshold is how many devices must report an idea before it is
	// hidden pending review (REPORT_THRESHOLD).
	ReportThreshold int
	// TrustedProxies are the reverse proxies whose X-Forwarded-For names
	// the client (TRUSTED_PROXIES, comma-separated IPs or CIDRs; default
	// none). The client address is used, hashed, for rate limits only.
	TrustedProxies []string

	// Staff sessions end after SessionIdle without use (SESSION_IDLE_MINUTES,
	// default 60) and after SessionMax in any case (SESSION_MAX_HOURS, 12).
	SessionIdle time.Duration
	SessionMax  time.Duration
	// InvitationValidity is how long invitation and reset links work
	// (INVITATION_DAYS, default 7).
	InvitationValidity time.Duration
	// AdminEmail and AdminPassword create the first installation admin on
	// start when no staff account exists yet (ADMIN_EMAIL, ADMIN_PASSWORD).
	AdminEmail    string
	AdminPassword string
	// SMTPURL is the mail server for notifying citizens who gave an
	// address (SMTP_URL, smtp://user:password@host:587 or smtps://…);
	// empty: no e-mail is sent, notifications are only recorded.
	// MailFrom is the sender address (MAIL_FROM), required with SMTP_URL.
	SMTPURL  string
	MailFrom string
}

// Load reads the configuration from getenv (os.Getenv in production, a map
// in tests) and validates it.
func Load(getenv func(string) string) (Config, error) {
	cfg := Config{
		ListenAddr:          valueOr(getenv("LISTEN_ADDR"), ":8080"),
		MetricsAddr:         getenv("METRICS_ADDR"),
		DatabaseURL:         valueOr(getenv("DATABASE_URL"), "data/zukunftswerk.db"),
		RedisURL:            getenv("REDIS_URL"),
		RedisPrefix:         valueOr(getenv("REDIS_PREFIX"), "zw:"),
		BaseURL:             strings.TrimRight(getenv("BASE_URL"), "/"),
		Location:            time.UTC,
		MinFillTime:         3 * time.Second,
		IdeaRateLimit:       20,
		ClientRateLimit:     2000,
		CardRateLimit:       20,
		CardClientRateLimit: 300,
		StreamsPerClient:    300,
		MaxBodyBytes:        64 << 10,
		ReportThreshold:     3,
		SessionIdle:         60 * time.Minute,
		SessionMax:          12 * time.Hour,
		InvitationValidity:  7 * 24 * time.Hour,
		AdminEmail:          getenv("ADMIN_EMAIL"),
		AdminPassword:       getenv("ADMIN_PASSWORD"),
		SMTPURL:             getenv("SMTP_URL"),
		MailFrom:            getenv("MAIL_FROM"),
	}
	var problems []error
	whole := []struct {
		name     string
		min, max int
		target   *int
	}{
		{"IDEA_RATE_PER_HOUR", 1, 100000, &cfg.IdeaRateLimit},
		{"CLIENT_RATE_PER_HOUR", 10, 10_000_000, &cfg.ClientRateLimit},
		{"CARD_RATE_PER_MINUTE", 1, 1_000_000, &cfg.CardRateLimit},
		{"CARD_RATE_PER_CLIENT_MINUTE", 1, 10_000_000, &cfg.CardClientRateLimit},
		{"STREAMS_PER_CLIENT", 1, 1_000_000, &cfg.StreamsPerClient},
		{"REPORT_THRESHOLD", 1, 1000, &cfg.ReportThreshold},
	}
	for _, w := range whole {
		if v := getenv(w.name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < w.min || n > w.max {
				problems = append(problems, fmt.Errorf("%s must be a whole number between %d and %d, got %q", w.name, w.min, w.max, v))
			}
			*w.target = n
		}
	}
	if v := getenv("MAX_BODY_BYTES"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 4096 || n > 64<<20 {
			problems = append(problems, fmt.Errorf("MAX_BODY_BYTES must be between 4096 and %d, got %q", 64<<20, v))
		}
		cfg.MaxBodyBytes = n
	}
	durations := []struct {
		name     string
		unit     time.Duration
		min, max int
		target   *time.Duration
	}{
		{"MIN_FILL_SECONDS", time.Second, 0, 600, &cfg.MinFillTime},
		{"SESSION_IDLE_MINUTES", time.Minute, 5, 24 * 60, &cfg.SessionIdle},
		{"SESSION_MAX_HOURS", time.Hour, 1, 24 * 30, &cfg.SessionMax},
		{"INVITATION_DAYS", 24 * time.Hour, 1, 30, &cfg.InvitationValidity},
	}
	for _, d := range durations {
		if v := getenv(d.name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < d.min || n > d.max {
				problems = append(problems, fmt.Errorf("%s must be a whole number between %d and %d, got %q", d.name, d.min, d.max, v))
			}
			*d.target = time.Duration(n) * d.unit
		}
	}
	if cfg.SMTPURL != "" {
		u, err := url.Parse(cfg.SMTPURL)
		if err != nil || (u.Scheme != "smtp" && u.Scheme != "smtps") || u.Hostname() == "" {
			problems = append(problems, errors.New("SMTP_URL must look like smtp://user:password@host:587 or smtps://user:password@host:465"))
		}
		if !strings.Contains(cfg.MailFrom, "@") || strings.ContainsAny(cfg.MailFrom, "\r\n") {
			problems = append(problems, errors.New("MAIL_FROM must be the sender's e-mail address when SMTP_URL is set"))
		}
	}
	if (cfg.AdminEmail == "") != (cfg.AdminPassword == "") {
		problems = append(problems, errors.New("ADMIN_EMAIL and ADMIN_PASSWORD go together: set both or neither"))
	}
	for _, p := range strings.Split(getenv("TRUSTED_PROXIES"), ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if _, _, err := net.ParseCIDR(p); err != nil && net.ParseIP(p) == nil {
			problems = append(problems, fmt.Errorf("TRUSTED_PROXIES: %q is neither an IP address nor a CIDR range", p))
		}
		cfg.TrustedProxies = append(cfg.TrustedProxies, p)
	}
	if cfg.MetricsAddr != "" {
		if _, _, err := net.SplitHostPort(cfg.MetricsAddr); err != nil || cfg.MetricsAddr == cfg.ListenAddr {
			problems = append(problems, fmt.Errorf("METRICS_ADDR must be a host:port of its own such as 127.0.0.1:9090, got %q", cfg.MetricsAddr))
		}
	}
	zone := valueOr(getenv("TIME_ZONE"), valueOr(getenv("TZ"), "Europe/Berlin"))
	if loc, err := time.LoadLocation(zone); err != nil {
		problems = append(problems, fmt.Errorf("TIME_ZONE %q is no time zone such as Europe/Berlin", zone))
	} else {
		cfg.Location = loc
	}
	if cfg.BaseURL == "" {
		cfg.BaseURL = "http://localhost" + portOf(cfg.ListenAddr)
	}
	if u, err := url.Parse(cfg.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		problems = append(problems, fmt.Errorf("BASE_URL must be an absolute http(s) URL such as https://beteiligung.example.de, got %q", cfg.BaseURL))
	}
	if cfg.RedisURL != "" {
		u, err := url.Parse(cfg.RedisURL)
		switch {
		case err != nil:
			// Never echo the URL: it may carry a password.
			problems = append(problems, errors.New("REDIS_URL is not a valid URL"))
		case u.Scheme != "redis" && u.Scheme != "rediss" && u.Scheme != "unix" &&
			u.Scheme != "redis-sentinel" && u.Scheme != "redis-cluster" && u.Scheme != "rediss-cluster":
			problems = append(problems, errors.New("REDIS_URL must be a redis://, rediss://, unix://, redis-sentinel:// or redis-cluster:// URL"))
		}
	}
	if strings.HasPrefix(cfg.DatabaseURL, "postgres://") || strings.HasPrefix(cfg.DatabaseURL, "postgresql://") {
		if u, err := url.Parse(cfg.DatabaseURL); err != nil || u.Host == "" {
			// Never echo the URL: it may carry a password.
			problems = append(problems, errors.New("DATABASE_URL is not a valid postgres:// URL"))
		}
	}
	if err := errors.Join(problems...); err != nil {
		return Config{}, fmt.Errorf("config: %w", err)
	}
	return cfg, nil
}

// SecureCookies reports whether cookies must carry the Secure flag.
func (c Config) SecureCookies() bool { return strings.HasPrefix(c.BaseURL, "https://") }

func valueOr(v, fallback string) string {
	if v == "" {
		return fallback
	}
	return v
}

func portOf(addr string) string {
	if i := strings.LastIndex(addr, ":"); i >= 0 {
		return addr[i:]
	}
	return ""
}
