package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"zukunftswerk/server/auth"
	"zukunftswerk/server/config"
	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

// adminCommand runs `server admin create -email … -name …`: it creates an
// installation admin, reading the password from ADMIN_PASSWORD or the first
// line of standard input (so it never shows in the process list).
func adminCommand(ctx context.Context, log *slog.Logger, args []string, getenv func(string) string, stdin io.Reader) error {
	if len(args) == 0 || args[0] != "create" {
		return errors.New("usage: server admin create -email ADDRESS -name NAME  (password from ADMIN_PASSWORD or stdin)")
	}
	flags := flag.NewFlagSet("admin create", flag.ContinueOnError)
	email := flags.String("email", "", "e-mail address of the new admin")
	name := flags.String("name", "", "name of the new admin")
	if err := flags.Parse(args[1:]); err != nil {
		return err
	}
	password := getenv("ADMIN_PASSWORD")
	if password == "" {
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && line == "" {
			return errors.New("admin create: give the password in ADMIN_PASSWORD or on standard input")
		}
		password = strings.TrimRight(line, "\r\n")
	}
	st, err := openConfiguredStore(ctx, getenv)
	if err != nil {
		return err
	}
	defer st.Close()
	user, err := createInstallationAdmin(ctx, st, *email, *name, password)
	if err != nil {
		return err
	}
	log.Info("installation admin created", "user_id", user.ID)
	return nil
}

// bootstrapAdmin creates the first installation admin from ADMIN_EMAIL and
// ADMIN_PASSWORD when the installation has no staff account yet.
func bootstrapAdmin(ctx context.Context, log *slog.Logger, st *store.Store, cfg config.Config) error {
	if cfg.AdminEmail == "" {
		return nil
	}
	n, err := st.CountStaffUsers(ctx)
	if err != nil || n > 0 {
		return err
	}
	user, err := createInstallationAdmin(ctx, st, cfg.AdminEmail, "Admin", cfg.AdminPassword)
	if err != nil {
		return fmt.Errorf("ADMIN_EMAIL: %w", err)
	}
	log.Info("first installation admin created from ADMIN_EMAIL", "user_id", user.ID)
	return nil
}

func createInstallationAdmin(ctx context.Context, st *store.Store, email, name, password string) (domain.StaffUser, error) {
	normalized, ok := domain.NormalizeEmail(email)
	if !ok {
		return domain.StaffUser{}, errors.New("admin: the e-mail address is not valid")
	}
	if key := domain.ValidateName(name); key != "" {
		return domain.StaffUser{}, fmt.Errorf("admin: the name is not valid (%s)", key)
	}
	if key := domain.ValidatePassword(password); key != "" {
		return domain.StaffUser{}, fmt.Errorf("admin: the password is not acceptable (%s): at least %d characters, not a common one",
			key, domain.MinPasswordLength)
	}
	hash, err := auth.HashPassword(password)
	if err != nil {
		return domain.StaffUser{}, err
	}
	return st.CreateStaffUser(ctx, store.Actor{Name: "command line"}, domain.StaffUser{
		Email: normalized, Name: strings.TrimSpace(name), PasswordHash: hash, InstallationAdmin: true,
	})
}
