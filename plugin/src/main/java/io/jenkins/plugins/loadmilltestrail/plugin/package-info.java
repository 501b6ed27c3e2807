/**
 * The Jenkins side of Loadmill → TestRail: a Pipeline step, a freestyle post-build action, the
 * global configuration and the per-build results page. Each class only translates between Jenkins
 * and the engine ({@code io.jenkins.plugins.loadmilltestrail.engine}); parameters and return
 * values are non-null unless annotated otherwise.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.loadmilltestrail.plugin;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
