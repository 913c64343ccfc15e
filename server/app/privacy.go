package app

import (
	"context"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

// MyContributions returns everything a device contributed and supported,
// across all processes ("Meine Beiträge" and its export; GDPR Art. 15 and
// 20). A browser without a device ("") has nothing.
func (a *App) MyContributions(ctx context.Context, device string) (store.DeviceRecords, error) {
	if device == "" {
		return store.DeviceRecords{}, nil
	}
	return a.store.DeviceData(ctx, device, 0)
}

// EraseMyContributions erases a device's personal data at the citizen's
// confirmed request (GDPR Art. 17): its supports are removed, its
// contributions stay public without pseudonym and without any link to the
// device. A browser without a device has nothing to erase.
func (a *App) EraseMyContributions(ctx context.Context, device string, confirmed bool) error {
	if !confirmed {
		return domain.Errorf(domain.CodeInvalid, "my.error.confirm_missing")
	}
	if device == "" {
		return nil
	}
	_, _, err := a.store.EraseDevice(ctx, device)
	return err
}

// DeviceRequest serves a citizen's data request made to the staff of a
// municipality: the device code the citizen read on "Meine Beiträge"
// (domain.NormalizeDeviceCode) finds what that device contributed and
// supported within the municipality; a code that matches nothing finds
// nothing.
func (a *App) DeviceRequest(ctx context.Context, municipalityID int64, code string) (store.DeviceRecords, error) {
	device, err := a.deviceByCode(ctx, municipalityID, code)
	if err != nil || device == "" {
		return store.DeviceRecords{}, err
	}
	return a.store.DeviceData(ctx, device, municipalityID)
}

// EraseDeviceRequest erases, on a citizen's confirmed request to the staff
// of a municipality, that device's data within the municipality (audited),
// and returns what is left of it there.
func (a *App) EraseDeviceRequest(ctx context.Context, actor store.Actor, municipalityID int64, code string, confirmed bool) (store.DeviceRecords, error) {
	device, err := a.deviceByCode(ctx, municipalityID, code)
	if err != nil {
		return store.DeviceRecords{}, err
	}
	if !confirmed {
		return store.DeviceRecords{}, domain.Errorf(domain.CodeInvalid, "my.error.confirm_missing")
	}
	if device == "" {
		return store.DeviceRecords{}, nil
	}
	if _, _, err := a.store.EraseDeviceFor(ctx, actor, municipalityID, device); err != nil {
		return store.DeviceRecords{}, err
	}
	return a.store.DeviceData(ctx, device, municipalityID)
}

// deviceByCode finds the device of a code within the municipality; ""
// when it left nothing there. A code of the wrong form is invalid.
func (a *App) deviceByCode(ctx context.Context, municipalityID int64, code string) (string, error) {
	if !domain.ValidDeviceCode(code) {
		return "", domain.Errorf(domain.CodeInvalid, "staff.error.device_code")
	}
	return a.store.DeviceHashByCode(ctx, code, municipalityID)
}
