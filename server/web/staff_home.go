package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

type staffHomePage struct {
	Municipalities []staffMunicipality
	Installation   bool
}

type staffMunicipality struct {
	Slug, Name string
	Roles      []domain.Role
}

// staffHome lists the municipalities the staff member works in and what
// they may do there.
func (h *Handler) staffHome(c *gin.Context) {
	staff := staffOf(c)
	var list []staffMunicipality
	index := map[string]int{}
	for _, m := range staff.Memberships {
		i, ok := index[m.MunicipalitySlug]
		if !ok {
			i = len(list)
			index[m.MunicipalitySlug] = i
			list = append(list, staffMunicipality{Slug: m.MunicipalitySlug, Name: m.MunicipalityName})
		}
		list[i].Roles = append(list[i].Roles, m.Role)
	}
	if staff.User.InstallationAdmin {
		all, err := h.Store.Municipalities(c.Request.Context())
		if err != nil {
			h.fail(c, err)
			return
		}
		for _, m := range all {
			if _, ok := index[m.Slug]; !ok {
				list = append(list, staffMunicipality{Slug: m.Slug, Name: m.Name, Roles: []domain.Role{domain.RoleAdmin}})
			}
		}
	}
	h.render(c, http.StatusOK, "staff_home", staffHomePage{Municipalities: list, Installation: staff.User.InstallationAdmin})
}
