package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"zukunftswerk/server/app"

	"github.com/gin-gonic/gin"
)

// deviceCookie holds a random pseudonymous token per browser. It is set only
// when a citizen first does something (submit, support), never just for
// reading. The database stores only its SHA-256.
const deviceCookie = "zw_device"

// deviceHash returns the hash of the request's device token. With create
// set, a missing or malformed token is replaced by a fresh one.
func (h *Handler) deviceHash(c *gin.Context, create bool) string {
	if ck, err := c.Request.Cookie(deviceCookie); err == nil && validDeviceToken(ck.Value) {
		return hashDevice(ck.Value)
	}
	if !create {
		return ""
	}
	raw := make([]byte, 16)
	_, _ = rand.Read(raw)
	token := hex.EncodeToString(raw)
	http.SetCookie(c.Writer, &http.Cookie{
		Name: deviceCookie, Value: token, Path: "/", MaxAge: 2 * 365 * 24 * 3600,
		HttpOnly: true, Secure: h.Config.SecureCookies(), SameSite: http.SameSiteLaxMode,
	})
	// Later reads within this request see the new device too.
	c.Request.AddCookie(&http.Cookie{Name: deviceCookie, Value: token})
	return hashDevice(token)
}

func validDeviceToken(s string) bool {
	if len(s) != 32 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}

// deviceRequestCode is what a citizen passes to the town for a data
// request: the first half of the device's hash, never the token in the
// cookie (which would let whoever holds the code act as that browser in
// every town). Staff find the device by it (store.DeviceHashByCode).
func deviceRequestCode(deviceHash string) string { return deviceHash[:32] }

func hashDevice(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// citizen is who asks, for the use cases' rules: the device (a cookie is
// set when create is true and the browser has none) and the client
// address's pseudonym.
func (h *Handler) citizen(c *gin.Context, create bool) app.Citizen {
	return app.Citizen{Device: h.deviceHash(c, create), Client: h.clientKey(c)}
}

// clientKey is a pseudonym of the client's network address for rate limits:
// keyed with the installation secret, so the Redis key reveals no address,
// and never stored anywhere else.
func (h *Handler) clientKey(c *gin.Context) string {
	mac := hmac.New(sha256.New, h.tokens.secret)
	mac.Write([]byte("client:" + c.ClientIP()))
	return hex.EncodeToString(mac.Sum(nil)[:16])
}
