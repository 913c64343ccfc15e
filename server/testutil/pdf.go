package testutil

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"
)

// PDFText extracts the text of every page of a PDF, so tests can check
// what a generated document says.
func PDFText(t testing.TB, raw []byte) string {
	t.Helper()
	r, err := pdf.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatalf("not a PDF: %v", err)
	}
	var text strings.Builder
	for i := 1; i <= r.NumPage(); i++ {
		page, err := r.Page(i).GetPlainText(nil)
		if err != nil {
			t.Fatalf("page %d: %v", i, err)
		}
		text.WriteString(page)
	}
	return text.String()
}
