package web

import (
	"net/http"
	"slices"

	"github.com/gin-gonic/gin"
)

// confirmPage asks once more before an action that cannot be undone
// (closing a workshop, disabling an account, deleting a Fahrplan entry).
// It works without JavaScript: the same form is posted again with every
// field it had, plus bestaetigt=ja.
type confirmPage struct {
	Title   string
	Message string
	Details []string // lines under the message, e.g. what is still open
	Choice  *confirmChoice
	Button  string
	Action  string      // the URL the form posted to
	Fields  [][2]string // the posted fields, name and value
	Cancel  string      // where "Abbrechen" leads
	Danger  bool        // the action cannot be undone
}

// confirmChoice is a choice the person makes while confirming (closing a
// workshop with unfiled cards: which action field they go to).
type confirmChoice struct {
	Name     string
	Label    string
	Hint     string
	Error    string // why the last confirmation was refused
	Prompt   string // the empty first option
	Options  []confirmOption
	Selected string
}

type confirmOption struct {
	Value string
	Label string
}

// confirmed tells whether the posted form carries the confirmation; if not,
// it answers with the question (title and message are catalog keys with
// their arguments) and false.
func (h *Handler) confirmed(c *gin.Context, cancel, titleKey, messageKey, buttonKey string, args ...any) bool {
	if c.Request.PostForm.Get("bestaetigt") == "ja" {
		return true
	}
	h.render(c, http.StatusOK, "confirm", h.confirmQuestion(c, cancel, "", titleKey, messageKey, buttonKey, args...))
	return false
}

// confirmQuestion is the question that posts the form again; every posted
// field but the confirmation and the choice named choice travels along.
func (h *Handler) confirmQuestion(c *gin.Context, cancel, choice, titleKey, messageKey, buttonKey string, args ...any) confirmPage {
	lang := langOf(c)
	page := confirmPage{
		Title:   h.Catalog.Message(lang, titleKey, args...),
		Message: h.Catalog.Message(lang, messageKey, args...),
		Button:  h.Catalog.Message(lang, buttonKey),
		Action:  c.Request.URL.Path,
		Cancel:  cancel,
		Danger:  true,
	}
	names := make([]string, 0, len(c.Request.PostForm))
	for name := range c.Request.PostForm {
		if name != "bestaetigt" && name != choice {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		for _, v := range c.Request.PostForm[name] {
			page.Fields = append(page.Fields, [2]string{name, v})
		}
	}
	return page
}
