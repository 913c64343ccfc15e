package live

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/redis/go-redis/v9"
)

// Event is one change of a live workshop, as sent to every screen. ID is
// the Redis stream ID, which doubles as the SSE event id for resuming.
type Event struct {
	ID    string
	Type  string
	Group int64 // 0: for every group
	Data  json.RawMessage
	// ParticipantData is Data as phones and walls get it: a tally's totals
	// are dropped while tallies are hidden. It is made once per event as
	// the stream is read, not once per phone.
	ParticipantData json.RawMessage

	// wire and wireFull are the event as it leaves on every phone's and
	// every console's stream, encoded once per instance by the hub.
	wire, wireFull []byte
}

// Wire is the event in Server-Sent-Events form: with the hidden totals of
// a tally when full (the console), as phones get it otherwise. The hub
// encodes its events before sharing them, so this only reads them; a
// replay's events belong to one screen and are encoded here.
func (e *Event) Wire(full bool) []byte {
	if e.wireFull == nil {
		e.encode()
	}
	if full {
		return e.wireFull
	}
	return e.wire
}

func (e *Event) encode() {
	e.wireFull = sseFrame(e.ID, e.Type, e.Data)
	e.wire = e.wireFull
	if !bytes.Equal(e.ParticipantData, e.Data) {
		e.wire = sseFrame(e.ID, e.Type, e.ParticipantData)
	}
}

// sseFrame is one event of a text/event-stream; data is JSON without line
// breaks, so it fits one data line.
func sseFrame(id, typ string, data []byte) []byte {
	frame := make([]byte, 0, len(id)+len(typ)+len(data)+24)
	frame = append(frame, "id: "...)
	frame = append(frame, id...)
	frame = append(frame, "\nevent: "...)
	frame = append(frame, typ...)
	frame = append(frame, "\ndata: "...)
	frame = append(frame, data...)
	return append(frame, "\n\n"...)
}

// streamLength bounds a workshop's replay buffer; a phone away for longer
// than that many events reloads the whole state instead.
const streamLength = 20000

func (l *Live) eventsKey(workshopID int64) string {
	return l.conn.Key("{workshop:" + strconv.FormatInt(workshopID, 10) + "}:events")
}

// Publish appends an event to the workshop's stream; every instance's hub
// reads it from there and fans it out to its own SSE clients.
func (l *Live) Publish(ctx context.Context, workshopID int64, typ string, group int64, data any) (string, error) {
	raw, err := json.Marshal(data)
	if err != nil {
		return "", fmt.Errorf("live: unable to encode event: %w", err)
	}
	id, err := l.conn.Client.XAdd(ctx, &redis.XAddArgs{
		Stream: l.eventsKey(workshopID), MaxLen: streamLength, Approx: true,
		Values: []any{"type", typ, "group", group, "data", string(raw)},
	}).Result()
	if err != nil {
		return "", fmt.Errorf("live: unable to publish event: %w", err)
	}
	return id, nil
}

// maxReplay is the most events a reconnecting screen is sent.
const maxReplay = 500

// ErrReplayGap means events after the given ID are no longer all in the
// stream (trimmed, or Redis restarted): the client must reload its state.
var ErrReplayGap = errors.New("live: events are missing; reload")

// Replay returns the events after afterID.
func (l *Live) Replay(ctx context.Context, workshopID int64, afterID string) ([]Event, error) {
	key := l.eventsKey(workshopID)
	first, err := l.conn.Client.XRangeN(ctx, key, "-", "+", 1).Result()
	if err != nil {
		return nil, fmt.Errorf("live: unable to read stream: %w", err)
	}
	if len(first) == 0 || StreamIDLess(afterID, first[0].ID) && !sameOrNext(afterID, first[0].ID) {
		return nil, ErrReplayGap
	}
	// An ID after the newest event was never sent by this stream (crafted,
	// or from before Redis lost it and started again): the client would
	// wait for it forever, so it must reload instead.
	last, err := l.conn.Client.XRevRangeN(ctx, key, "+", "-", 1).Result()
	if err != nil {
		return nil, fmt.Errorf("live: unable to read stream: %w", err)
	}
	if len(last) == 0 || StreamIDLess(last[0].ID, afterID) {
		return nil, ErrReplayGap
	}
	// A screen that missed more than maxReplay events reloads instead: one
	// small request must not make the server send the whole stream.
	msgs, err := l.conn.Client.XRangeN(ctx, key, "("+afterID, "+", maxReplay+1).Result()
	if err != nil {
		return nil, fmt.Errorf("live: unable to replay: %w", err)
	}
	if len(msgs) > maxReplay {
		return nil, ErrReplayGap
	}
	return toEvents(msgs), nil
}

func toEvents(msgs []redis.XMessage) []Event {
	events := make([]Event, 0, len(msgs))
	for _, m := range msgs {
		group, _ := strconv.ParseInt(fmt.Sprint(m.Values["group"]), 10, 64)
		data, _ := m.Values["data"].(string)
		typ, _ := m.Values["type"].(string)
		e := Event{ID: m.ID, Type: typ, Group: group, Data: json.RawMessage(data)}
		e.ParticipantData = e.Data
		if typ == EventTally {
			e.ParticipantData = hiddenTally(e.Data)
		}
		events = append(events, e)
	}
	return events
}

// hiddenTally is a tally event's data without its totals while tallies are
// hidden; phones still learn which cards changed.
func hiddenTally(data json.RawMessage) json.RawMessage {
	var e TallyEvent
	if json.Unmarshal(data, &e) != nil || e.Visible {
		return data
	}
	out, err := json.Marshal(e.HideTotals())
	if err != nil {
		return data
	}
	return out
}

// ValidStreamID reports whether s looks like a Redis stream ID ("ms-seq").
func ValidStreamID(s string) bool {
	ms, seq, ok := strings.Cut(s, "-")
	if !ok || len(s) > 40 {
		return false
	}
	_, err1 := strconv.ParseUint(ms, 10, 64)
	_, err2 := strconv.ParseUint(seq, 10, 64)
	return err1 == nil && err2 == nil
}

// StreamIDLess reports whether stream ID a comes before b.
func StreamIDLess(a, b string) bool {
	am, as := splitID(a)
	bm, bs := splitID(b)
	return am < bm || (am == bm && as < bs)
}

// sameOrNext: the client saw the entry right before the first kept one,
// or the first one itself — nothing is missing.
func sameOrNext(a, b string) bool {
	am, as := splitID(a)
	bm, bs := splitID(b)
	return am == bm && (as == bs || as+1 == bs)
}

func splitID(id string) (uint64, uint64) {
	ms, seq, _ := strings.Cut(id, "-")
	m, _ := strconv.ParseUint(ms, 10, 64)
	s, _ := strconv.ParseUint(seq, 10, 64)
	return m, s
}
