/**
 * 演示年度: the demo district's year made to read like the article — four regular rounds after the pilot, their
 * fieldwork, findings, leads, feedback, rectification progress and revisits — generated through the other modules' own services so that the
 * year's figures are the article's. Depends on every module it drives; no module depends on it.
 */
@ApplicationModule(
        allowedDependencies = {
            "organization",
            "planning",
            "fieldwork",
            "findings",
            "feedback",
            "revisits",
            "rectification",
            "web"
        })
@NullMarked
package org.xuncha.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
