package domain

import "unicode/utf8"

// ValidateHideReason returns the catalog key of the problem with a
// moderator's reason for hiding a contribution, or "". The reason is shown
// publicly in place of the text, so it must be given, printable and short.
func ValidateHideReason(reason string) string {
	switch {
	case reason == "":
		return "moderation.error.reason_missing"
	case ValidateLongText(reason, MaxHideReason) == "error.invalid_characters":
		return "error.invalid_characters"
	case utf8.RuneCountInString(reason) > MaxHideReason:
		return "moderation.error.reason_long"
	}
	return ""
}
