package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"strings"
	"time"
)

// formTokens signs the hidden token of the idea form. The token carries when
// the form was rendered (for the minimum fill time that keeps bots out) and
// a random idempotency key (so a double tap or a resend stores one idea).
type formTokens struct {
	secret []byte
}

// Issue returns a new token for a form rendered at now.
func (f formTokens) Issue(now time.Time) string {
	payload := make([]byte, 8+16)
	binary.BigEndian.PutUint64(payload, uint64(now.UnixMilli()))
	_, _ = rand.Read(payload[8:])
	enc := base64.RawURLEncoding
	return enc.EncodeToString(payload) + "." + enc.EncodeToString(f.sign(payload))
}

// formTokenMaxAge bounds how long a rendered form may be sent: a token
// collected once cannot be used forever. A citizen who took longer gets the
// form back with everything typed and a fresh token.
const formTokenMaxAge = 24 * time.Hour

// Verify checks a token; it returns the idempotency key and the time the
// form was rendered.
func (f formTokens) Verify(token string) (idempotencyKey string, issued time.Time, ok bool) {
	return f.verifyAt(token, time.Now())
}

func (f formTokens) verifyAt(token string, now time.Time) (idempotencyKey string, issued time.Time, ok bool) {
	enc := base64.RawURLEncoding
	rawPayload, rawSig, found := strings.Cut(token, ".")
	if !found || len(token) > 200 {
		return "", time.Time{}, false
	}
	payload, err1 := enc.DecodeString(rawPayload)
	sig, err2 := enc.DecodeString(rawSig)
	if err1 != nil || err2 != nil || len(payload) != 24 || !hmac.Equal(sig, f.sign(payload)) {
		return "", time.Time{}, false
	}
	// Only the token as issued: the decoder skips line breaks and accepts
	// other spellings of the last character, found by FuzzFormToken.
	if enc.EncodeToString(payload)+"."+enc.EncodeToString(sig) != token {
		return "", time.Time{}, false
	}
	issued = time.UnixMilli(int64(binary.BigEndian.Uint64(payload)))
	if now.Sub(issued) > formTokenMaxAge || issued.Sub(now) > time.Minute {
		return "", time.Time{}, false
	}
	return hex.EncodeToString(payload[8:]), issued, true
}

func (f formTokens) sign(payload []byte) []byte {
	mac := hmac.New(sha256.New, f.secret)
	mac.Write(payload)
	return mac.Sum(nil)[:16]
}
