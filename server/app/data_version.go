package app

import "context"

// DataVersion is the database's data version (store/data_version.go): as
// long as it stands still, no public page made from the database changes,
// and the web layer may answer from what it kept.
func (a *App) DataVersion(ctx context.Context) (int64, error) {
	return a.store.DataVersion(ctx)
}

// SupportedByDevice lists the ideas the device supports, in every process:
// the one part of an idea list that differs between devices.
func (a *App) SupportedByDevice(ctx context.Context, device string) ([]int64, error) {
	return a.store.SupportedByDevice(ctx, device)
}
