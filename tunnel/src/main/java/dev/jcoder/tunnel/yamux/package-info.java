/**
 * Yamux sessions and streams (https://github.com/hashicorp/yamux/blob/master/spec.md, version 0).
 *
 * <p>Rules of this package, learnt from the relay prototype:
 * <ul>
 *   <li>The inbound path never blocks: frames are decoded as bytes arrive and data is copied into
 *       a per-stream queue bounded by the receive window that this side granted.</li>
 *   <li>Everything outbound goes through one coalescing {@code FrameWriter} per session, which
 *       packs frames into messages of at most {@link dev.jcoder.tunnel.yamux.SessionConfig#maxMessageSize()}
 *       and waits for each send to complete before the next (back-pressure). Control frames
 *       (window updates, pings, RST, go-away) overtake queued data.</li>
 *   <li>Window updates are sent by the consumer after it reads, so a slow consumer stops its
 *       peer instead of growing memory.</li>
 *   <li>Each session owns two loops (writer, keepalive); both end when the session ends.</li>
 * </ul>
 */
package dev.jcoder.tunnel.yamux;
