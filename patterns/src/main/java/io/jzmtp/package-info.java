/** The public jzmtp API. */
package io.jzmtp;
