package notify_test

import (
	"bufio"
	"context"
	"mime"
	"net"
	"net/textproto"
	"strings"
	"sync"
	"testing"

	"zukunftswerk/server/notify"
)

// smtpServer is a minimal mail server on loopback that records one
// conversation per connection; refuseRcpt makes it refuse recipients.
type smtpServer struct {
	addr       string
	refuseRcpt bool
	mu         sync.Mutex
	lines      []string
	data       string
}

func startSMTP(t *testing.T, refuseRcpt bool) *smtpServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	s := &smtpServer{addr: ln.Addr().String(), refuseRcpt: refuseRcpt}
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go s.serve(conn)
		}
	}()
	return s
}

func (s *smtpServer) serve(conn net.Conn) {
	defer conn.Close()
	tp := textproto.NewConn(conn)
	_ = tp.PrintfLine("220 localhost ESMTP test")
	for {
		line, err := tp.ReadLine()
		if err != nil {
			return
		}
		s.mu.Lock()
		s.lines = append(s.lines, line)
		s.mu.Unlock()
		verb := strings.ToUpper(strings.Fields(line + " x")[0])
		switch verb {
		case "EHLO", "HELO":
			_ = tp.PrintfLine("250-localhost\r\n250 AUTH PLAIN")
		case "AUTH":
			_ = tp.PrintfLine("235 ok")
		case "MAIL":
			_ = tp.PrintfLine("250 ok")
		case "RCPT":
			if s.refuseRcpt {
				_ = tp.PrintfLine("550 no such user")
			} else {
				_ = tp.PrintfLine("250 ok")
			}
		case "DATA":
			_ = tp.PrintfLine("354 go on")
			data, _ := tp.ReadDotBytes()
			s.mu.Lock()
			s.data = string(data)
			s.mu.Unlock()
			_ = tp.PrintfLine("250 queued")
		case "QUIT":
			_ = tp.PrintfLine("221 bye")
			return
		default:
			_ = tp.PrintfLine("250 ok")
		}
	}
}

func TestSMTPSendsAPlainTextMessage(t *testing.T) {
	srv := startSMTP(t, false)
	mailer, err := notify.NewSMTP("smtp://rathaus:geheim@"+srv.addr, "beteiligung@ingersheim.de")
	if err != nil {
		t.Fatal(err)
	}
	err = mailer.Send(context.Background(), "ada@example.org", "Ihre Idee „Backhaus“: neuer Stand", "Zeile eins\nZeile zwei")
	if err != nil {
		t.Fatal(err)
	}
	srv.mu.Lock()
	defer srv.mu.Unlock()
	conversation := strings.Join(srv.lines, "\n")
	for _, want := range []string{"AUTH PLAIN", "MAIL FROM:<beteiligung@ingersheim.de>", "RCPT TO:<ada@example.org>", "QUIT"} {
		if !strings.Contains(conversation, want) {
			t.Errorf("conversation lacks %q:\n%s", want, conversation)
		}
	}
	msg, err := textproto.NewReader(bufio.NewReader(strings.NewReader(srv.data))).ReadMIMEHeader()
	if err != nil {
		t.Fatalf("message header: %v\n%s", err, srv.data)
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(msg.Get("Subject"))
	if err != nil || subject != "Ihre Idee „Backhaus“: neuer Stand" {
		t.Errorf("subject %q (%v)", subject, err)
	}
	if msg.Get("Content-Type") != "text/plain; charset=utf-8" || !strings.Contains(srv.data, "Zeile eins\nZeile zwei") { // ReadDotBytes turns CRLF into LF
		t.Errorf("message:\n%s", srv.data)
	}
}

func TestSMTPReportsARefusedRecipient(t *testing.T) {
	srv := startSMTP(t, true)
	mailer, err := notify.NewSMTP("smtp://"+srv.addr, "beteiligung@ingersheim.de")
	if err != nil {
		t.Fatal(err)
	}
	if err := mailer.Send(context.Background(), "nobody@example.org", "Betreff", "Text"); err == nil {
		t.Error("a refused recipient was reported as sent")
	}
	if err := mailer.Send(context.Background(), "evil@example.org\r\nBcc: x@y", "Betreff", "Text"); err == nil {
		t.Error("an address with a line break was accepted")
	}
}

func TestSMTPURLIsValidatedWithoutEchoingIt(t *testing.T) {
	for _, raw := range []string{"http://mail.example.org", "smtp://", "mail.example.org:25", "smtp://user:s3cret@%zz"} {
		_, err := notify.NewSMTP(raw, "a@b.de")
		if err == nil {
			t.Errorf("%q accepted", raw)
			continue
		}
		if strings.Contains(err.Error(), "s3cret") {
			t.Errorf("the error repeats the password: %v", err)
		}
	}
	if _, err := notify.NewSMTP("smtps://mail.example.org", "kein-absender"); err == nil {
		t.Error("a sender without @ was accepted")
	}
}
