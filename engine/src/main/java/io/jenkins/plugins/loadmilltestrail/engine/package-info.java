/**
 * The engine: everything the Jenkins plugin and the command line share, with no Jenkins types.
 *
 * <p>Values crossing a package or module boundary are never {@code null}: absent text is the
 * empty string, absent times are {@link java.util.Optional#empty()}, absent lists are empty.
 */
package io.jenkins.plugins.loadmilltestrail.engine;
