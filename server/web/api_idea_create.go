package web

import (
	"crypto/rand"
	"encoding/hex"
	"io"
	"net/http"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

type apiIdeaInput struct {
	ActionFieldID   int64  `json:"action_field_id"`
	Title           string `json:"title"`
	Body            string `json:"body"`
	Pseudonym       string `json:"pseudonym"`
	PrivacyAccepted bool   `json:"privacy_accepted"`
}

// apiIdeaCreate stores an idea from JSON. An Idempotency-Key header makes
// retries safe: the same key from the same device returns the first idea
// (200) instead of creating another (201).
func (h *Handler) apiIdeaCreate(c *gin.Context) {
	pc, ok := h.loadProcess(c)
	if !ok {
		return
	}
	raw, err := io.ReadAll(c.Request.Body)
	if err != nil {
		h.fail(c, bodyError(err))
		return
	}
	var in apiIdeaInput
	if err := decodeJSON(raw, &in); err != nil {
		h.fail(c, err)
		return
	}
	key := c.GetHeader("Idempotency-Key")
	if len(key) > 100 || !utf8.ValidString(key) {
		h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_idempotency_key"))
		return
	}
	if key == "" {
		random := make([]byte, 16)
		_, _ = rand.Read(random)
		key = "api:" + hex.EncodeToString(random)
	} else {
		// A client's key is only unique for that client: scope it by device.
		key = "api:" + h.deviceHash(c, true) + ":" + key
	}
	draft := domain.IdeaDraft{ActionFieldID: in.ActionFieldID, Title: in.Title, Body: in.Body,
		Pseudonym: in.Pseudonym, PrivacyAccepted: in.PrivacyAccepted}
	idea, created, err := h.App.SubmitIdea(c.Request.Context(), pc.ProcessScope, draft, key, h.citizen(c, true))
	if err != nil {
		h.fail(c, err)
		return
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	c.Header("Location", h.toAPIIdea(pc, idea, false).URL)
	c.JSON(status, h.toAPIIdea(pc, idea, false))
}
