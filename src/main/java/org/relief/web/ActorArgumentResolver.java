package org.relief.web;

import jakarta.servlet.http.HttpServletRequest;
import org.relief.careteam.Actor;
import org.relief.careteam.StaffUserDetailsService.StaffPrincipal;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Turns the signed-in staff member into the {@link Actor} that controllers pass to services. */
class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof StaffPrincipal p)) {
            throw new AuthenticationCredentialsNotFoundException("sign in first");
        }
        HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
        return p.toActor(http == null ? null : http.getRemoteAddr());
    }
}
