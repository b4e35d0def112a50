/** Socket monitor events: public API. */
package io.jzmtp.monitor;
