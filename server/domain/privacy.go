package domain

import (
	"encoding/hex"
	"strings"
)

// NormalizeDeviceCode is the device code as staff type it in: the code a
// citizen read on "Meine Beiträge", without surrounding space, in lower
// case.
func NormalizeDeviceCode(code string) string {
	return strings.ToLower(strings.TrimSpace(code))
}

// ValidDeviceCode tells whether code has the form of a device code (32
// hexadecimal digits, the first half of the device's hash).
func ValidDeviceCode(code string) bool {
	if len(code) != 32 {
		return false
	}
	_, err := hex.DecodeString(code)
	return err == nil
}
