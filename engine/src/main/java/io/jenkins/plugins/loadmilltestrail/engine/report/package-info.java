/**
 * Files written from collected results: the versioned JSON results file (read back by {@code
 * publish}) and a JUnit XML report for Jenkins' {@code junit} step. Both are written atomically.
 */
package io.jenkins.plugins.loadmilltestrail.engine.report;
