package org.xuncha.identity;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.xuncha.organization.RegionScope;

/**
 * Gives every controller that declares a {@link RegionScope} parameter the signed-in user's scope, so a handler
 * cannot forget it: administrators, lead receivers and anonymous callers get the empty scope.
 */
@Configuration(proxyBeanMethods = false)
class ScopeResolution implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(java.util.List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == RegionScope.class;
            }

            @Override
            public Object resolveArgument(
                    MethodParameter parameter,
                    ModelAndViewContainer mav,
                    NativeWebRequest request,
                    WebDataBinderFactory binders) {
                return regionScopeOf(SecurityContextHolder.getContext().getAuthentication());
            }
        });
    }

    static RegionScope regionScopeOf(Authentication authentication) {
        if (authentication != null
                && authentication.getPrincipal() instanceof SignedInUser user
                && user.role() != null
                && user.role().scopedByRegion()) {
            return RegionScope.of(user.scopeRegionIds());
        }
        return RegionScope.none();
    }
}
