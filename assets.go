// Package zukunftswerk embeds the files the server needs at run time, so that
// the binary carries its migrations, templates and static assets with it.
// go:embed cannot reach parent folders, which is why this file lives in the
// module root.
package zukunftswerk

import (
	"embed"
	"io/fs"
)

//go:embed migrations templates static
var files embed.FS

// Migrations holds one folder of numbered SQL files per database engine.
func Migrations() fs.FS { return sub("migrations") }

// Templates holds the html/template files.
func Templates() fs.FS { return sub("templates") }

// Static holds CSS, icons and other files served under /static/.
func Static() fs.FS { return sub("static") }

func sub(dir string) fs.FS {
	f, err := fs.Sub(files, dir)
	if err != nil {
		// fs.Sub only fails for invalid paths, which are constants here.
		panic(err)
	}
	return f
}
