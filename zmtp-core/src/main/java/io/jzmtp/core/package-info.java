/** Wire-level value types of jzmtp that appear in its public API. */
package io.jzmtp.core;
