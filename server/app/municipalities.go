package app

import (
	"context"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/i18n"
	"zukunftswerk/server/store"
)

// StaffTown is a municipality on a staff member's start page with the
// roles they hold there.
type StaffTown struct {
	Slug, Name string
	Roles      []domain.Role
}

// StaffHome lists the municipalities a staff member works in, each with
// their roles there. An installation admin sees every municipality; where
// they hold no role of their own they act as its admin.
func (a *App) StaffHome(ctx context.Context, member StaffMember) ([]StaffTown, error) {
	var list []StaffTown
	index := map[string]int{}
	for _, m := range member.Memberships {
		i, ok := index[m.MunicipalitySlug]
		if !ok {
			i = len(list)
			index[m.MunicipalitySlug] = i
			list = append(list, StaffTown{Slug: m.MunicipalitySlug, Name: m.MunicipalityName})
		}
		list[i].Roles = append(list[i].Roles, m.Role)
	}
	if !member.User.InstallationAdmin {
		return list, nil
	}
	all, err := a.store.Municipalities(ctx)
	if err != nil {
		return nil, err
	}
	for _, m := range all {
		if _, ok := index[m.Slug]; !ok {
			list = append(list, StaffTown{Slug: m.Slug, Name: m.Name, Roles: []domain.Role{domain.RoleAdmin}})
		}
	}
	return list, nil
}

// InstallationMunicipalities lists every municipality of the installation
// for its installation admins.
func (a *App) InstallationMunicipalities(ctx context.Context) ([]domain.Municipality, error) {
	return a.store.Municipalities(ctx)
}

// CreateMunicipality sets up a new municipality for an installation admin
// (slug and name trimmed by the caller); its creator becomes its admin. A
// taken slug is a conflict.
func (a *App) CreateMunicipality(ctx context.Context, actor store.Actor, slug, name string) (domain.Municipality, error) {
	if key := domain.ValidateSlug(slug); key != "" {
		return domain.Municipality{}, domain.Errorf(domain.CodeInvalid, key)
	}
	if key := domain.ValidateText(name, 80); key != "" {
		return domain.Municipality{}, domain.Errorf(domain.CodeInvalid, key)
	}
	return a.store.CreateMunicipality(ctx, actor, slug, name)
}

// MunicipalityOverview is a municipality's start page for its staff: its
// processes, and which of the pages below it the staff member's roles
// open (the same roles the routes demand).
type MunicipalityOverview struct {
	Processes   []domain.Process
	IsAdmin     bool
	IsModerator bool
	IsCurator   bool
	IsReporter  bool
}

// MunicipalityOverview reads a municipality's start page for a staff
// member with a role there.
func (a *App) MunicipalityOverview(ctx context.Context, member StaffMember, municipalityID int64) (MunicipalityOverview, error) {
	processes, err := a.store.Processes(ctx, municipalityID)
	if err != nil {
		return MunicipalityOverview{}, err
	}
	return MunicipalityOverview{
		Processes:   processes,
		IsAdmin:     member.Has(municipalityID, domain.RoleAdmin),
		IsModerator: member.Has(municipalityID, domain.RoleAdmin, domain.RoleModeration),
		IsCurator:   member.Has(municipalityID, domain.RoleAdmin, domain.RoleProjektgruppe),
		IsReporter:  member.Has(municipalityID, domain.RoleAdmin, domain.RoleProjektgruppe, domain.RoleVerwaltung),
	}, nil
}

// EditableLegalPages are the pages whose text an installation's admin may
// replace.
var EditableLegalPages = []string{"privacy", "accessibility"}

// LegalPageTexts returns the installation admin's text of every editable
// legal page in every language, keyed "privacy/de" ("" where the built-in
// default applies).
func (a *App) LegalPageTexts(ctx context.Context) (map[string]string, error) {
	texts := map[string]string{}
	for _, page := range EditableLegalPages {
		for _, lang := range i18n.Languages {
			text, err := a.store.PageText(ctx, page, lang)
			if err != nil {
				return nil, err
			}
			texts[page+"/"+lang] = text
		}
	}
	return texts, nil
}

// SaveLegalPageText replaces the text of one legal page in one language
// for the installation admin; an empty text restores the built-in default.
// A page or language that does not exist is a bad request.
func (a *App) SaveLegalPageText(ctx context.Context, actor store.Actor, page, lang, body string) error {
	known := false
	for _, p := range EditableLegalPages {
		known = known || p == page
	}
	if !known || !i18n.Supported(lang) {
		return domain.Errorf(domain.CodeBadRequest, "error.bad_request")
	}
	if key := domain.ValidateLongText(body, 20000); key != "" {
		return domain.Errorf(domain.CodeInvalid, key)
	}
	return a.store.SetPageText(ctx, actor, page, lang, body)
}

// AuditLog is one view of an audit log: the newest entries that pass the
// filter, the actions there are to filter by, and the team whose members
// can be picked (a municipality's log only).
type AuditLog struct {
	Entries []domain.AuditEntry
	Actions []string
	Team    []store.TeamMember
}

// auditLogLimit bounds the entries one page shows.
const auditLogLimit = 500

// AuditLog reads a municipality's audit log for its admin, or with
// municipality 0 the installation's own log (accounts, legal pages) for
// installation admins. action "" and userID 0 filter nothing.
func (a *App) AuditLog(ctx context.Context, municipalityID int64, action string, userID int64) (AuditLog, error) {
	filter := store.AuditFilter{MunicipalityID: municipalityID, Action: action, UserID: userID, Limit: auditLogLimit}
	var log AuditLog
	var err error
	if log.Entries, err = a.store.AuditEntries(ctx, filter); err != nil {
		return AuditLog{}, err
	}
	if log.Actions, err = a.store.AuditActions(ctx, municipalityID); err != nil {
		return AuditLog{}, err
	}
	if municipalityID > 0 {
		if log.Team, err = a.store.Team(ctx, municipalityID); err != nil {
			return AuditLog{}, err
		}
	}
	return log, nil
}
