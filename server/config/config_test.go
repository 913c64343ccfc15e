package config_test

import (
	"strings"
	"testing"
	"time"

	"zukunftswerk/server/config"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestDefaults(t *testing.T) {
	cfg, err := config.Load(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.ListenAddr != ":8080" || cfg.DatabaseURL != "data/zukunftswerk.db" || cfg.RedisURL != "" ||
		cfg.RedisPrefix != "zw:" || cfg.BaseURL != "http://localhost:8080" || cfg.MinFillTime != 3*time.Second {
		t.Errorf("defaults = %+v", cfg)
	}
	if cfg.SecureCookies() {
		t.Error("secure cookies on plain http")
	}
}

func TestExplicitValues(t *testing.T) {
	cfg, err := config.Load(env(map[string]string{
		"LISTEN_ADDR": "127.0.0.1:9000", "BASE_URL": "https://beteiligung.ingersheim.de/", "REDIS_URL": "redis://:pw@redis:6379/2",
		"REDIS_PREFIX": "ing:", "MIN_FILL_SECONDS": "0", "IDEA_RATE_PER_HOUR": "5", "MAX_BODY_BYTES": "8192",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.BaseURL != "https://beteiligung.ingersheim.de" || !cfg.SecureCookies() || cfg.MinFillTime != 0 ||
		cfg.IdeaRateLimit != 5 || cfg.MaxBodyBytes != 8192 || cfg.RedisPrefix != "ing:" {
		t.Errorf("cfg = %+v", cfg)
	}
}

func TestInvalidValuesAreExplained(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"BASE_URL": "beteiligung.de"}, "BASE_URL must be an absolute"},
		{map[string]string{"REDIS_URL": "http://secret:pw@host"}, "REDIS_URL must be"},
		{map[string]string{"MIN_FILL_SECONDS": "-1"}, "MIN_FILL_SECONDS"},
		{map[string]string{"IDEA_RATE_PER_HOUR": "many"}, "IDEA_RATE_PER_HOUR"},
		{map[string]string{"MAX_BODY_BYTES": "10"}, "MAX_BODY_BYTES"},
		{map[string]string{"DATABASE_URL": "postgres://user:pw@/x"}, "DATABASE_URL is not a valid postgres"},
	}
	for _, tt := range tests {
		_, err := config.Load(env(tt.env))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Load(%v) = %v, want an error mentioning %q", tt.env, err, tt.want)
		}
		if err != nil && strings.Contains(err.Error(), "pw") {
			t.Errorf("error leaks a secret: %v", err)
		}
	}
}
