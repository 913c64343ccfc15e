package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
)

// Secret returns the installation-wide secret stored under name, creating a
// random 256-bit one on first use. Keeping it in the database means every
// server instance signs and checks with the same key.
func (s *Store) Secret(ctx context.Context, name string) ([]byte, error) {
	fresh := make([]byte, 32)
	if _, err := rand.Read(fresh); err != nil {
		return nil, fmt.Errorf("store: unable to generate secret: %w", err)
	}
	if _, err := exec(ctx, s.writer,
		`INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`,
		"secret."+name, hex.EncodeToString(fresh)); err != nil {
		return nil, fmt.Errorf("store: unable to save secret: %w", err)
	}
	var stored string
	if err := get(ctx, s.writer, &stored, `SELECT value FROM setting WHERE key = ?`, "secret."+name); err != nil {
		return nil, fmt.Errorf("store: unable to load secret: %w", err)
	}
	secret, err := hex.DecodeString(stored)
	if err != nil {
		return nil, fmt.Errorf("store: stored secret is corrupt: %w", err)
	}
	return secret, nil
}
