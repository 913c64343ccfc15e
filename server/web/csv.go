package web

import (
	"bytes"
	"strings"
)

// spreadsheetCSV writes rows as RFC 4180 CSV that spreadsheet programs
// open safely (see csvSafe). A cell with a semicolon is quoted too, although
// RFC 4180 does not ask for it, so that readers that split at semicolons
// but honour quotes keep it whole.
func spreadsheetCSV(rows [][]string) []byte {
	var buf bytes.Buffer
	writeCSVRows(&buf, rows, ',')
	return buf.Bytes()
}

// excelCSV writes rows the way a German Excel opens with a double click:
// semicolons between cells (its list separator for a German locale) and a
// UTF-8 byte order mark, without which it reads the umlauts as Latin-1.
// Quoting and formula protection are spreadsheetCSV's.
func excelCSV(rows [][]string) []byte {
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	writeCSVRows(&buf, rows, ';')
	return buf.Bytes()
}

func writeCSVRows(buf *bytes.Buffer, rows [][]string, separator byte) {
	for _, row := range rows {
		for i, cell := range row {
			if i > 0 {
				buf.WriteByte(separator)
			}
			writeCSVCell(buf, csvSafe(cell))
		}
		buf.WriteString("\r\n")
	}
}

func writeCSVCell(buf *bytes.Buffer, cell string) {
	if cell == "" || !strings.ContainsAny(cell, ",;\"\r\n") && cell[0] != ' ' {
		buf.WriteString(cell)
		return
	}
	buf.WriteByte('"')
	buf.WriteString(strings.ReplaceAll(cell, `"`, `""`))
	buf.WriteByte('"')
}

// csvSafe keeps spreadsheet programs from running a cell as a formula: a
// formula start (= + - @, tab, CR) at the beginning of the cell, or right
// after a semicolon or a line break (where a reader that splits at
// semicolons, like German Excel, may begin a new cell whatever the quotes
// say), gets an apostrophe.
func csvSafe(s string) string {
	var b strings.Builder
	cellStart := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if cellStart && (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
			b.WriteByte('\'')
		}
		b.WriteByte(c)
		switch {
		case c == ';' || c == '\n' || c == '\r':
			cellStart = true
		case c != ' ':
			cellStart = false
		}
	}
	return b.String()
}
