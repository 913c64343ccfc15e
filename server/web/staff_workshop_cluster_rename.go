package web

import (
	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// staffWorkshopClusterRename gives a cluster a new title.
func (h *Handler) staffWorkshopClusterRename(c *gin.Context) {
	h.workshopObjectChange(c, "cluster", func(w domain.Workshop, id int64) error {
		return h.App.RenameCluster(c.Request.Context(), staffOf(c).Actor(), municipalityOf(c).ID, w, id, c.Request.PostForm.Get("title"))
	})
}
