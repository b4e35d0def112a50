/**
 * Pipes: single-producer single-consumer queues of whole messages between two owner threads (an I/O thread and an
 * application socket, or two sockets over inproc), with a high-water mark counted in messages and activation
 * notifications that flow only on edges (empty to non-empty for a waiting reader; down to the low-water mark for a
 * blocked writer), never per message.
 */
package io.jzmtp.transport.pipe;
