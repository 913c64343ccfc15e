package web

import (
	"net/http"

	"zukunftswerk/server/domain"

	"github.com/gin-gonic/gin"
)

// routes lists every route of the server in one place, grouped by audience,
// each named (after its handler) for reverse routing (see paths).
// /metrics is not among them: it is served on its own listener
// (METRICS_ADDR, see Server.Metrics), never to the public.
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
	h.paths = paths{}
	r := router{group: &engine.RouterGroup, paths: h.paths}

	// Operations.
	r.GET("healthz", "/healthz", h.healthz)
	r.GET("readyz", "/readyz", h.readyz)
	r.GET("staticFile", "/static/*filepath", h.staticFile)
	engine.GET("/favicon.ico", func(c *gin.Context) { c.Redirect(http.StatusMovedPermanently, "/static/favicon.svg") })

	h.citizenRoutes(r)
	h.workshopRoutes(r)
	staff := h.staffRoutes(r)
	h.moderatorRoutes(staff)
	h.curatorRoutes(staff)
	h.reporterRoutes(staff)
	h.adminRoutes(staff)
	h.apiRoutes(r)
	return engine
}

// citizenRoutes are the public pages.
func (h *Handler) citizenRoutes(r router) {
	// Citizens: HTML pages that work without JavaScript. The fixed paths
	// here are reserved and cannot be municipality slugs.
	r.GET("municipalityList", "/", h.municipalityList)
	r.GET("privacyShow", "/datenschutz", h.privacyShow)
	r.GET("accessibilityShow", "/barrierefreiheit", h.accessibilityShow)
	r.GET("easyLanguage", "/leichte-sprache", h.easyLanguageShow)
	r.GET("myContributions", "/meine-beitraege", h.myContributions)
	r.GET("myContributionsExport", "/meine-beitraege/export.json", h.myContributionsExport)
	r.POST("myContributionsErase", "/meine-beitraege/loeschen", h.myContributionsErase)
	r.GET("", "/:municipality", h.addTrailingSlash)
	r.GET("municipalityShow", "/:municipality/", h.municipalityShow)
	r.GET("", "/:municipality/:process", h.addTrailingSlash)
	r.GET("processShow", "/:municipality/:process/", h.processShow)
	r.GET("ideaList", "/:municipality/:process/ideen", h.keptByVersion(h.deviceSupportsVary, h.ideaList))
	r.GET("ideaNew", "/:municipality/:process/ideen/neu", h.ideaNew)
	r.POST("ideaCreate", "/:municipality/:process/ideen", h.ideaCreate)
	r.GET("ideaShow", "/:municipality/:process/ideen/:idea", h.ideaShow)
	r.POST("ideaSupport", "/:municipality/:process/ideen/:idea/unterstuetzung", h.ideaSupport)
	r.POST("ideaReport", "/:municipality/:process/ideen/:idea/meldung", h.ideaReport)
	r.GET("conceptShow", "/:municipality/:process/handlungskonzept", h.keptByVersion(nil, h.conceptShow))
	r.GET("conceptPDF", "/:municipality/:process/handlungskonzept.pdf", h.keptByVersion(nil, h.conceptPDF))
	r.GET("measureShow", "/:municipality/:process/handlungskonzept/massnahmen/:measure", h.measureShow)
	r.GET("conceptDiffPublic", "/:municipality/:process/handlungskonzept/vergleich", h.conceptDiffPublic)
	r.GET("openDataExport", "/:municipality/:process/daten/:file", h.openDataExport)
	r.GET("dashboard", "/:municipality/:process/umsetzung", h.keptByVersion(h.townDateVary, h.dashboard))
	r.GET("atomFeed", "/:municipality/:process/umsetzung.atom", h.atomFeed)
	r.GET("icalFeed", "/:municipality/:process/termine.ics", h.icalFeed)
}

// workshopRoutes are the phones and walls of a live workshop.
func (h *Handler) workshopRoutes(r router) {
	// Workshop participants and walls: the join code is the key.
	r.GET("workshopEnterCode", "/w", h.workshopEnterCode)
	r.GET("workshopJoinForm", "/w/:code", h.workshopJoinForm)
	r.POST("workshopJoin", "/w/:code/beitreten", h.workshopJoin)
	r.GET("workshopParticipant", "/w/:code/gruppe", h.workshopParticipant)
	r.POST("workshopCardCreate", "/w/:code/karten", h.workshopCardCreate)
	r.POST("workshopDot", "/w/:code/punkte", h.workshopDot)
	r.GET("workshopStream", "/w/:code/ereignisse", h.workshopStream)
	r.GET("workshopState", "/w/:code/zustand", h.workshopState)
	r.GET("workshopWall", "/w/:code/wand", h.workshopWall)
	r.GET("workshopQR", "/w/:code/qr.png", h.workshopQR)
}

// staffRoutes are login, the staff home and the installation admins' pages;
// it returns the group that needs a session.
func (h *Handler) staffRoutes(r router) router {
	// Staff: login is open; everything else needs a session, and the pages
	// of a municipality need a role there.
	r.GET("staffLoginForm", "/intern/anmelden", h.staffLoginForm)
	r.POST("staffLogin", "/intern/anmelden", h.staffLogin)
	r.GET("staffInvitationForm", "/intern/einladung/:token", h.staffInvitationForm)
	r.POST("staffInvitationAccept", "/intern/einladung/:token", h.staffInvitationAccept)
	r.GET("", "/intern", h.addTrailingSlash)
	staff := r.Group("/intern", h.requireStaff)
	staff.GET("staffHome", "/", h.staffHome)
	staff.POST("staffLogout", "/abmelden", h.staffLogout)
	staff.GET("staffPasswordForm", "/passwort", h.staffPasswordForm)
	staff.POST("staffPasswordChange", "/passwort", h.staffPasswordChange)

	installation := staff.Group("", h.requireInstallationAdmin)
	installation.GET("staffMunicipalities", "/kommunen", h.staffMunicipalities)
	installation.POST("staffMunicipalityCreate", "/kommunen", h.staffMunicipalityCreate)
	installation.GET("staffPages", "/seiten", h.staffPages)
	installation.POST("staffPagesSave", "/seiten", h.staffPagesSave)
	installation.GET("staffAuditInstallation", "/protokoll", h.staffAudit)
	installation.GET("staffCheckTemplates", "/vorlagen", h.staffCheckTemplates)
	installation.POST("staffCheckTemplateImport", "/vorlagen", h.staffCheckTemplateImport)
	installation.GET("staffCheckTemplateExportJSON", "/vorlagen/:template/vorlage.json", h.staffCheckTemplateExportJSON)
	installation.GET("staffCheckTemplateExportCSV", "/vorlagen/:template/vorlage.csv", h.staffCheckTemplateExportCSV)

	staff.GET("", "/k/:municipality", h.addTrailingSlash)
	anyRole := staff.Group("/k/:municipality", h.staffIn(domain.Roles...))
	anyRole.GET("staffMunicipality", "/", h.staffMunicipality)
	return staff
}

// moderatorRoutes are the pages of moderation (and admins): the moderation queue, data requests, workshops.
func (h *Handler) moderatorRoutes(staff router) {
	moderators := staff.Group("/k/:municipality", h.staffIn(domain.RoleAdmin, domain.RoleModeration))
	moderators.GET("staffModeration", "/moderation", h.staffModeration)
	moderators.POST("staffModerate", "/moderation", h.staffModerate)
	moderators.GET("staffDeviceRequest", "/datenauskunft", h.staffDeviceRequest)
	moderators.GET("staffWorkshops", "/werkstaetten", h.staffWorkshops)
	moderators.POST("staffWorkshopCreate", "/werkstaetten", h.staffWorkshopCreate)
	moderators.GET("staffWorkshopConsole", "/werkstaetten/:workshop", h.staffWorkshopConsole)
	moderators.POST("staffWorkshopControl", "/werkstaetten/:workshop/steuerung", h.staffWorkshopControl)
	moderators.POST("staffWorkshopDetails", "/werkstaetten/:workshop/angaben", h.staffWorkshopDetails)
	moderators.POST("staffWorkshopDelete", "/werkstaetten/:workshop/loeschen", h.staffWorkshopDelete)
	moderators.POST("staffWorkshopCard", "/werkstaetten/:workshop/karten/:card", h.staffWorkshopCard)
	moderators.POST("staffWorkshopCluster", "/werkstaetten/:workshop/cluster", h.staffWorkshopCluster)
	moderators.POST("staffWorkshopClusterUpdate", "/werkstaetten/:workshop/cluster/:cluster", h.dispatch(actions{
		"rename": h.staffWorkshopClusterRename,
		"field":  h.staffWorkshopClusterField,
		"delete": h.staffWorkshopClusterDelete,
	}))
	moderators.POST("staffWorkshopGroupField", "/werkstaetten/:workshop/gruppen/:group", h.staffWorkshopGroupField)
	moderators.GET("staffWorkshopStream", "/werkstaetten/:workshop/ereignisse", h.staffWorkshopStream)
	moderators.GET("staffWorkshopDoc", "/werkstaetten/:workshop/doku", h.staffWorkshopDoc)
	moderators.GET("staffPaperCards", "/werkstaetten/:workshop/papierkarten", h.staffPaperCards)
	moderators.POST("staffPaperCardCreate", "/werkstaetten/:workshop/papierkarten", h.staffPaperCardCreate)
	moderators.POST("staffDeviceRequest", "/datenauskunft", h.dispatch(actions{
		"": h.staffDeviceShow, "show": h.staffDeviceShow, "erase": h.staffDeviceErase,
	}))
}

// curatorRoutes are the pages of the project group (and admins) for one process: curation, concept, measures, review, Fahrplan.
func (h *Handler) curatorRoutes(staff router) {
	curators := staff.Group("/k/:municipality/verfahren/:process", h.staffIn(domain.RoleAdmin, domain.RoleProjektgruppe))
	curators.GET("staffChecks", "/bilanz", h.staffChecks)
	curators.POST("staffCheckCreate", "/bilanz", h.staffCheckCreate)
	curators.GET("staffCheckRound", "/bilanz/:round", h.staffCheckRound)
	curators.POST("staffCheckAnswerSave", "/bilanz/:round/punkte/:item", h.staffCheckAnswerSave)
	curators.POST("staffCheckChallenge", "/bilanz/:round/punkte/:item/herausforderung", h.staffCheckChallenge)
	curators.GET("staffCheckResult", "/bilanz/:round/ergebnis", h.staffCheckResult)
	curators.GET("staffCheckExportCSV", "/bilanz/:round/ergebnis.csv", h.staffCheckExportCSV)
	curators.GET("staffCheckExportJSON", "/bilanz/:round/ergebnis.json", h.staffCheckExportJSON)
	curators.GET("curationBoard", "/kuratierung", h.curationBoard)
	curators.POST("curationBulk", "/kuratierung", h.dispatch(actions{
		"theme": h.curationTheme, "merge": h.curationMerge, "decide": h.curationDecide, "measure": h.curationMeasure,
	}))
	curators.GET("curationItem", "/beitraege/:contribution", h.curationItem)
	curators.POST("curationItemUpdate", "/beitraege/:contribution", h.dispatch(actions{
		"assess": h.curationAssess, "decide": h.curationItemDecide, "theme": h.curationItemTheme, "unmerge": h.curationUnmerge,
		"field": h.curationItemField,
	}))
	curators.GET("conceptEdit", "/konzept", h.conceptEdit)
	curators.POST("conceptUpdate", "/konzept", h.dispatch(actions{
		"create": h.conceptCreate, "revision": h.conceptRevision, "leitbild": h.conceptLeitbild, "challenges": h.conceptChallenges,
		"challenges_take": h.conceptChallengesTake,
		"objective_add":   h.conceptObjectiveAdd, "objective_save": h.conceptObjectiveSave, "objective_delete": h.conceptObjectiveDelete,
		"status": h.conceptStatus, "decision": h.conceptDecision,
	}))
	curators.GET("conceptDiff", "/konzept/vergleich", h.conceptDiff)
	curators.GET("measureNew", "/konzept/massnahmen/neu", h.measureNew)
	curators.POST("measureStartDraft", "/konzept/massnahmen/neu", h.measureStartDraft)
	curators.POST("measureCreate", "/konzept/massnahmen", h.measureCreate)
	curators.GET("measureEdit", "/konzept/massnahmen/:measure", h.measureEdit)
	curators.POST("measureUpdate", "/konzept/massnahmen/:measure", h.dispatch(actions{
		"save": h.measureSave, "delete": h.measureDelete, "link": h.measureLink, "unlink": h.measureUnlink,
	}))
	curators.GET("staffReviews", "/qualitaetssicherung", h.staffReviews)
	curators.POST("staffReviewCreate", "/qualitaetssicherung", h.staffReviewCreate)
	curators.GET("staffFahrplan", "/fahrplan", h.staffFahrplan)
	curators.POST("staffFahrplanCreate", "/fahrplan/neu", h.staffFahrplanCreate)
	curators.POST("staffFahrplanSave", "/fahrplan/:milestone", h.dispatch(actions{
		"save": h.staffFahrplanUpdate, "delete": h.staffFahrplanDelete}))
}

// reporterRoutes are the implementation reports (administration, project group, admins).
func (h *Handler) reporterRoutes(staff router) {
	reporters := staff.Group("/k/:municipality/verfahren/:process",
		h.staffIn(domain.RoleAdmin, domain.RoleProjektgruppe, domain.RoleVerwaltung))
	reporters.GET("staffImplementation", "/umsetzung", h.staffImplementation)
	reporters.GET("staffMeasureReport", "/umsetzung/:measure", h.staffMeasureReport)
	reporters.POST("staffMeasureReportCreate", "/umsetzung/:measure", h.dispatch(actions{
		"report": h.staffStatusReportCreate, "occurrence": h.staffOccurrenceCreate}))
}

// adminRoutes are a municipality's admin pages: processes, team, audit log.
func (h *Handler) adminRoutes(staff router) {
	admins := staff.Group("/k/:municipality", h.staffIn(domain.RoleAdmin))
	admins.POST("staffProcessCreate", "/verfahren", h.staffProcessCreate)
	admins.GET("staffProcess", "/verfahren/:process", h.staffProcess)
	admins.POST("staffProcessUpdate", "/verfahren/:process", h.staffProcessUpdate)
	admins.POST("staffActionFieldCreate", "/verfahren/:process/handlungsfelder", h.staffActionFieldCreate)
	admins.POST("staffMilestoneCreate", "/verfahren/:process/fahrplan", h.staffMilestoneCreate)
	admins.GET("staffTeam", "/team", h.staffTeam)
	admins.POST("staffInvite", "/team/einladungen", h.staffInvite)
	admins.POST("staffMemberAction", "/team/:user", h.dispatch(actions{
		"disable": h.staffMemberDisable, "enable": h.staffMemberEnable, "reset": h.staffMemberReset, "remove": h.staffMemberRemove,
	}))
	admins.GET("staffAudit", "/protokoll", h.staffAudit)
}

// apiRoutes are the JSON API.
func (h *Handler) apiRoutes(r router) {
	// Citizens and apps: the JSON API, described in static/openapi.yaml.
	api := r.Group("/api/v1")
	api.GET("apiProcessShow", "/processes/:municipality/:process", h.apiProcessShow)
	api.GET("apiActionFieldList", "/processes/:municipality/:process/action-fields", h.apiActionFieldList)
	api.GET("apiIdeaList", "/processes/:municipality/:process/ideas", h.apiIdeaList)
	api.POST("apiIdeaCreate", "/processes/:municipality/:process/ideas", h.apiIdeaCreate)
	api.GET("apiIdeaShow", "/processes/:municipality/:process/ideas/:idea", h.apiIdeaShow)
	api.PUT("apiIdeaSupport", "/processes/:municipality/:process/ideas/:idea/support", h.apiIdeaSupport)
	api.DELETE("apiIdeaSupport", "/processes/:municipality/:process/ideas/:idea/support", h.apiIdeaSupport)
}
