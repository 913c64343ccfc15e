package web

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

type municipalityAdminPage struct {
	Municipality domain.Municipality
	Processes    []domain.Process
	IsAdmin      bool
	IsModerator  bool
	IsCurator    bool
	IsReporter   bool
	Form         domain.Process
	ErrorKey     string
}

// staffMunicipality is a municipality's overview for its staff: processes,
// and what each role can open from here.
func (h *Handler) staffMunicipality(c *gin.Context) {
	h.renderMunicipalityAdmin(c, http.StatusOK, domain.Process{Moderation: domain.ModerationPost}, "")
}

func (h *Handler) renderMunicipalityAdmin(c *gin.Context, status int, form domain.Process, errorKey string) {
	m := municipalityOf(c)
	processes, err := h.Store.Processes(c.Request.Context(), m.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	staff := staffOf(c)
	h.render(c, status, "staff_municipality", municipalityAdminPage{
		Municipality: m, Processes: processes, Form: form, ErrorKey: errorKey,
		IsAdmin:     staff.Has(m.ID, domain.RoleAdmin),
		IsModerator: staff.Has(m.ID, domain.RoleAdmin, domain.RoleModeration),
		IsCurator:   staff.Has(m.ID, domain.RoleAdmin, domain.RoleProjektgruppe),
		IsReporter:  staff.Has(m.ID, domain.RoleAdmin, domain.RoleProjektgruppe, domain.RoleVerwaltung),
	})
}

// staffProcessCreate adds a process to the municipality (admin).
func (h *Handler) staffProcessCreate(c *gin.Context) {
	if !h.parseForm(c) {
		return
	}
	m := municipalityOf(c)
	form := c.Request.PostForm
	p := domain.Process{
		MunicipalityID: m.ID,
		Slug:           strings.TrimSpace(form.Get("slug")),
		Title:          strings.TrimSpace(form.Get("title")),
		Description:    strings.TrimSpace(form.Get("description")),
		Moderation:     form.Get("moderation"),
	}
	errorKey := validateProcess(p)
	if errorKey == "" {
		errorKey = domain.ValidateSlug(p.Slug)
	}
	if errorKey != "" {
		h.renderMunicipalityAdmin(c, http.StatusUnprocessableEntity, p, errorKey)
		return
	}
	created, err := h.Store.CreateProcess(c.Request.Context(), staffOf(c).Actor(), p)
	if domain.ErrorCode(err) == domain.CodeConflict {
		h.renderMunicipalityAdmin(c, http.StatusConflict, p, domain.ErrorMessageKey(err))
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, "/intern/k/"+m.Slug+"/verfahren/"+created.Slug)
}

func validateProcess(p domain.Process) string {
	if key := domain.ValidateText(p.Title, 160); key != "" {
		return key
	}
	if key := domain.ValidateLongText(p.Description, 4000); key != "" {
		return key
	}
	if p.Moderation != domain.ModerationPost && p.Moderation != domain.ModerationPre {
		return "admin.error.moderation"
	}
	return ""
}
