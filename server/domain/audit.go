package domain

import "slices"

// AuditActions are every action the audit log records; the store refuses
// any other, and the catalog words each as audit.action.<action>.
var AuditActions = []string{
	"action_field.create",
	"card.cluster", "card.edit", "card.field", "card.hide", "card.move", "card.paper", "card.save", "card.show",
	"check_answer.challenge", "check_round.create", "check_template.import",
	"cluster.create", "cluster.delete", "cluster.field", "cluster.rename",
	"concept_version.challenges", "concept_version.create", "concept_version.decision", "concept_version.leitbild",
	"concept_version.review", "concept_version.revision", "concept_version.status",
	"contribution.assess", "contribution.decide", "contribution.field", "contribution.hide", "contribution.merge",
	"contribution.release", "contribution.restore", "contribution.theme", "contribution.unmerge",
	"device.erase",
	"group.field",
	"invitation.accept", "invitation.create",
	"measure.delete", "measure.link", "measure.occurrence", "measure.report", "measure.save", "measure.unlink",
	"milestone.create", "milestone.delete", "milestone.update",
	"municipality.create",
	"objective.delete", "objective.save",
	"page.update",
	"process.create", "process.update",
	"role.grant", "role.remove",
	"user.create", "user.disable", "user.enable", "user.password", "user.password_reset",
	"workshop.close", "workshop.create", "workshop.delete", "workshop.details", "workshop.next", "workshop.open", "workshop.prev",
	"workshop.tallies_hide", "workshop.tallies_show", "workshop.timer_add", "workshop.timer_pause",
	"workshop.timer_resume", "workshop.timer_start", "workshop.voting_close", "workshop.voting_open",
}

// AuditObjectTypes are the kinds of object an audit entry names
// (audit.object.<type>).
var AuditObjectTypes = []string{"card", "check_round", "check_template", "cluster", "concept_version", "contribution", "device", "invitation", "measure",
	"milestone", "municipality", "objective", "page", "process", "staff_user", "workshop", "working_group"}

// AuditDetailPrefixes are, for the actions whose detail is a code (a
// status, a role), the catalog prefix that words the code.
var AuditDetailPrefixes = map[string]string{
	"contribution.decide":      "status.",
	"concept_version.status":   "concept.status.",
	"concept_version.decision": "concept.result.",
	"role.grant":               "role.",
	"invitation.create":        "role.",
	"user.password_reset":      "role.",
	"invitation.accept":        "audit.purpose.",
	"measure.report":           "measure.status.",
}

// IsAuditAction reports whether action is one of AuditActions.
func IsAuditAction(action string) bool { return slices.Contains(AuditActions, action) }
