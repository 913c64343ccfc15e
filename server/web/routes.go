package web

import (
	"net/http"

	"zukunftswerk/server/domain"

	"github.com/gin-gonic/gin"
)

// routes lists every route of the server in one place, grouped by audience.
// /metrics is not among them: it is served on its own listener
// (METRICS_ADDR, see App.Metrics), never to the public.
func (h *Handler) routes() *gin.Engine {
	gin.SetMode(gin.ReleaseMode)
	engine := gin.New()
	// gin's trailing-slash redirect sends "//evil.example" to another host
	// and believes X-Forwarded-Prefix from anyone: the folder pages get
	// explicit redirects instead (addTrailingSlash), the rest notFound.
	engine.RedirectTrailingSlash = false
	engine.RedirectFixedPath = false
	engine.HandleMethodNotAllowed = true
	// Only configured proxies may name the client; gin trusts all by default.
	if err := engine.SetTrustedProxies(h.Config.TrustedProxies); err != nil {
		panic(err) // config.Load validated the list
	}
	engine.Use(h.observe, h.recover, h.language)
	engine.NoRoute(h.notFound)
	engine.NoMethod(h.methodNotAllowed)

	// Operations.
	engine.GET("/healthz", h.healthz)
	engine.GET("/readyz", h.readyz)
	engine.GET("/static/*filepath", h.staticFile)
	engine.GET("/favicon.ico", func(c *gin.Context) { c.Redirect(http.StatusMovedPermanently, "/static/favicon.svg") })

	// Citizens: HTML pages that work without JavaScript. The fixed paths
	// here are reserved and cannot be municipality slugs.
	engine.GET("/", h.municipalityList)
	engine.GET("/datenschutz", h.privacyShow)
	engine.GET("/barrierefreiheit", h.accessibilityShow)
	engine.GET("/meine-beitraege", h.myContributions)
	engine.GET("/meine-beitraege/export.json", h.myContributionsExport)
	engine.POST("/meine-beitraege/loeschen", h.myContributionsErase)
	engine.GET("/:municipality", h.addTrailingSlash)
	engine.GET("/:municipality/", h.municipalityShow)
	engine.GET("/:municipality/:process", h.addTrailingSlash)
	engine.GET("/:municipality/:process/", h.processShow)
	engine.GET("/:municipality/:process/ideen", h.ideaList)
	engine.GET("/:municipality/:process/ideen/neu", h.ideaNew)
	engine.POST("/:municipality/:process/ideen", h.ideaCreate)
	engine.GET("/:municipality/:process/ideen/:idea", h.ideaShow)
	engine.POST("/:municipality/:process/ideen/:idea/unterstuetzung", h.ideaSupport)
	engine.POST("/:municipality/:process/ideen/:idea/meldung", h.ideaReport)
	engine.GET("/:municipality/:process/handlungskonzept", h.conceptShow)
	engine.GET("/:municipality/:process/handlungskonzept.pdf", h.conceptPDF)
	engine.GET("/:municipality/:process/handlungskonzept/massnahmen/:measure", h.measureShow)
	engine.GET("/:municipality/:process/handlungskonzept/vergleich", h.conceptDiffPublic)
	engine.GET("/:municipality/:process/daten/:file", h.openDataExport)
	engine.GET("/:municipality/:process/umsetzung", h.dashboard)
	engine.GET("/:municipality/:process/umsetzung.atom", h.atomFeed)
	engine.GET("/:municipality/:process/termine.ics", h.icalFeed)

	// Workshop participants and walls: the join code is the key.
	engine.GET("/w", h.workshopEnterCode)
	engine.GET("/w/:code", h.workshopJoinForm)
	engine.POST("/w/:code/beitreten", h.workshopJoin)
	engine.GET("/w/:code/gruppe", h.workshopParticipant)
	engine.POST("/w/:code/karten", h.workshopCardCreate)
	engine.POST("/w/:code/punkte", h.workshopDot)
	engine.GET("/w/:code/ereignisse", h.workshopStream)
	engine.GET("/w/:code/zustand", h.workshopState)
	engine.GET("/w/:code/wand", h.workshopWall)
	engine.GET("/w/:code/qr.png", h.workshopQR)

	// Staff: login is open; everything else needs a session, and the pages
	// of a municipality need a role there.
	engine.GET("/intern/anmelden", h.staffLoginForm)
	engine.POST("/intern/anmelden", h.staffLogin)
	engine.GET("/intern/einladung/:token", h.staffInvitationForm)
	engine.POST("/intern/einladung/:token", h.staffInvitationAccept)
	engine.GET("/intern", h.addTrailingSlash)
	staff := engine.Group("/intern", h.requireStaff)
	staff.GET("/", h.staffHome)
	staff.POST("/abmelden", h.staffLogout)
	staff.GET("/passwort", h.staffPasswordForm)
	staff.POST("/passwort", h.staffPasswordChange)

	installation := staff.Group("", h.requireInstallationAdmin)
	installation.GET("/kommunen", h.staffMunicipalities)
	installation.POST("/kommunen", h.staffMunicipalityCreate)
	installation.GET("/seiten", h.staffPages)
	installation.POST("/seiten", h.staffPagesSave)
	installation.GET("/protokoll", h.staffAudit)

	staff.GET("/k/:municipality", h.addTrailingSlash)
	anyRole := staff.Group("/k/:municipality", h.staffIn(domain.Roles...))
	anyRole.GET("/", h.staffMunicipality)

	moderators := staff.Group("/k/:municipality", h.staffIn(domain.RoleAdmin, domain.RoleModeration))
	moderators.GET("/moderation", h.staffModeration)
	moderators.POST("/moderation", h.staffModerate)
	moderators.GET("/datenauskunft", h.staffDeviceRequest)
	moderators.GET("/werkstaetten", h.staffWorkshops)
	moderators.POST("/werkstaetten", h.staffWorkshopCreate)
	moderators.GET("/werkstaetten/:workshop", h.staffWorkshopConsole)
	moderators.POST("/werkstaetten/:workshop/steuerung", h.staffWorkshopControl)
	moderators.POST("/werkstaetten/:workshop/karten/:card", h.staffWorkshopCard)
	moderators.POST("/werkstaetten/:workshop/cluster", h.staffWorkshopCluster)
	moderators.GET("/werkstaetten/:workshop/ereignisse", h.staffWorkshopStream)
	moderators.GET("/werkstaetten/:workshop/doku", h.staffWorkshopDoc)
	moderators.POST("/datenauskunft", h.staffDeviceRequest)

	curators := staff.Group("/k/:municipality/verfahren/:process", h.staffIn(domain.RoleAdmin, domain.RoleProjektgruppe))
	curators.GET("/kuratierung", h.curationBoard)
	curators.POST("/kuratierung", h.curationBulk)
	curators.GET("/beitraege/:contribution", h.curationItem)
	curators.POST("/beitraege/:contribution", h.curationItemUpdate)
	curators.GET("/konzept", h.conceptEdit)
	curators.POST("/konzept", h.conceptUpdate)
	curators.GET("/konzept/vergleich", h.conceptDiff)
	curators.GET("/konzept/massnahmen/neu", h.measureNew)
	curators.POST("/konzept/massnahmen", h.measureCreate)
	curators.GET("/konzept/massnahmen/:measure", h.measureEdit)
	curators.POST("/konzept/massnahmen/:measure", h.measureUpdate)
	curators.GET("/qualitaetssicherung", h.staffReviews)
	curators.POST("/qualitaetssicherung", h.staffReviewCreate)
	curators.GET("/fahrplan", h.staffFahrplan)
	curators.POST("/fahrplan/:milestone", h.staffFahrplanSave)

	reporters := staff.Group("/k/:municipality/verfahren/:process",
		h.staffIn(domain.RoleAdmin, domain.RoleProjektgruppe, domain.RoleVerwaltung))
	reporters.GET("/umsetzung", h.staffImplementation)
	reporters.GET("/umsetzung/:measure", h.staffMeasureReport)
	reporters.POST("/umsetzung/:measure", h.staffMeasureReportCreate)

	admins := staff.Group("/k/:municipality", h.staffIn(domain.RoleAdmin))
	admins.POST("/verfahren", h.staffProcessCreate)
	admins.GET("/verfahren/:process", h.staffProcess)
	admins.POST("/verfahren/:process", h.staffProcessUpdate)
	admins.POST("/verfahren/:process/handlungsfelder", h.staffActionFieldCreate)
	admins.POST("/verfahren/:process/fahrplan", h.staffMilestoneCreate)
	admins.GET("/team", h.staffTeam)
	admins.POST("/team/einladungen", h.staffInvite)
	admins.POST("/team/:user", h.staffMemberAction)
	admins.GET("/protokoll", h.staffAudit)

	// Citizens and apps: the JSON API, described in static/openapi.yaml.
	api := engine.Group("/api/v1")
	api.GET("/processes/:municipality/:process", h.apiProcessShow)
	api.GET("/processes/:municipality/:process/action-fields", h.apiActionFieldList)
	api.GET("/processes/:municipality/:process/ideas", h.apiIdeaList)
	api.POST("/processes/:municipality/:process/ideas", h.apiIdeaCreate)
	api.GET("/processes/:municipality/:process/ideas/:idea", h.apiIdeaShow)
	api.PUT("/processes/:municipality/:process/ideas/:idea/support", h.apiIdeaSupport)
	api.DELETE("/processes/:municipality/:process/ideas/:idea/support", h.apiIdeaSupport)

	return engine
}
