package store

import (
	"context"
	"database/sql"

	"github.com/jmoiron/sqlx"
)

// handle is a connection pool or a transaction. Queries are written with ?
// placeholders once; Rebind turns them into $1, $2 … for PostgreSQL.
type handle interface {
	sqlx.ExtContext
	Rebind(query string) string
}

func get(ctx context.Context, h handle, dest any, query string, args ...any) error {
	return sqlx.GetContext(ctx, h, dest, h.Rebind(query), args...)
}

func selectAll(ctx context.Context, h handle, dest any, query string, args ...any) error {
	return sqlx.SelectContext(ctx, h, dest, h.Rebind(query), args...)
}

func exec(ctx context.Context, h handle, query string, args ...any) (sql.Result, error) {
	return h.ExecContext(ctx, h.Rebind(query), args...)
}
