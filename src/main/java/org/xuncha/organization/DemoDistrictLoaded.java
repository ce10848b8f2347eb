package org.xuncha.organization;

/** The demo district (睢阳区) was loaded into an empty registry; other modules add their demo records. */
public record DemoDistrictLoaded(long districtId) {}
