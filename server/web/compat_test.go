package web_test

import (
	"io"

	"github.com/PuerkitoBio/goquery"
)

type goquerySelection = goquery.Selection

func ioPipe() (*io.PipeReader, *io.PipeWriter) { return io.Pipe() }
