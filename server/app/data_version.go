package app

import "context"

// DataVersion is the database's data version (store/data_version.go): as
// long as it stands still, no public page made from the database changes,
// and the web layer may answer from what it kept.
func (a *App) DataVersion(ctx context.Context) (int64, error) {
	return a.store.DataVersion(ctx)
}

// SupportedInProcess lists the ideas of the process (by slugs) the device
// supports: the one part of an idea list that differs between devices.
func (a *App) SupportedInProcess(ctx context.Context, municipalitySlug, processSlug, device string) ([]int64, error) {
	return a.store.SupportedInProcess(ctx, municipalitySlug, processSlug, device)
}
