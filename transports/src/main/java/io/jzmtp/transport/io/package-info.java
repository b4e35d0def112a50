/**
 * The I/O machinery: one selector-driven {@link io.jzmtp.transport.io.IoThread} per slot of a context, the
 * multi-producer mailboxes that reach it and application threads, coalesced wake-ups and the timer service.
 *
 * <p>Threading contract: every object here has one owner thread. Other threads reach it only by offering typed
 * commands to an {@code Mpsc*} queue; the owner is woken (selector wake-up or unpark) only when it announced that it
 * is about to block. Application threads never touch a channel or a selector.
 */
package io.jzmtp.transport.io;
