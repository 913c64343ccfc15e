package web

import (
	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// staffWorkshopClusterDelete dissolves a cluster; its cards stay in the
// group, in no cluster, so nothing is lost and no confirmation is asked.
func (h *Handler) staffWorkshopClusterDelete(c *gin.Context) {
	h.workshopObjectChange(c, "cluster", func(w domain.Workshop, id int64) error {
		return h.App.DeleteCluster(c.Request.Context(), staffOf(c).Actor(), municipalityOf(c).ID, w, id)
	})
}
