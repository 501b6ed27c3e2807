/**
 * TestRail entities as the engine uses them: small immutable values read from (or written to)
 * TestRail API v2. Only the fields the product needs; ids are {@code long}, absent text is "".
 */
package io.jenkins.plugins.loadmilltestrail.engine.testrail.model;
