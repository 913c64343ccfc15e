// Package auth hashes and checks staff passwords with argon2id.
package auth

import (
	"fmt"

	"github.com/alexedwards/argon2id"
)

// params follow OWASP's minimum for argon2id (19 MiB, 2 iterations): strong
// enough against offline guessing, cheap enough for a small town's server.
var params = &argon2id.Params{Memory: 19 * 1024, Iterations: 2, Parallelism: 1, SaltLength: 16, KeyLength: 32}

// dummyHash is compared against when an account does not exist, so that a
// wrong email costs as much time as a wrong password.
var dummyHash = mustHash("zukunftswerk-dummy-password")

// HashPassword returns the encoded argon2id hash of password.
func HashPassword(password string) (string, error) {
	hash, err := argon2id.CreateHash(password, params)
	if err != nil {
		return "", fmt.Errorf("auth: unable to hash password: %w", err)
	}
	return hash, nil
}

// CheckPassword reports whether password matches hash. An empty hash (no
// such account) is checked against a dummy so timing reveals nothing.
func CheckPassword(password, hash string) bool {
	if hash == "" {
		_, _ = argon2id.ComparePasswordAndHash(password, dummyHash)
		return false
	}
	ok, err := argon2id.ComparePasswordAndHash(password, hash)
	return err == nil && ok
}

func mustHash(password string) string {
	hash, err := HashPassword(password)
	if err != nil {
		panic(err)
	}
	return hash
}
