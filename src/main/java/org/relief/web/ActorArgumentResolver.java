package org.relief.web;

import jakarta.servlet.http.HttpServletRequest;
import org.relief.careteam.Actor;
import org.relief.careteam.StaffUserDetailsService.StaffPrincipal;
import org.relief.fhir.token.ApiClient;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Turns the signed-in staff member (or an API token acting as one) into the {@link Actor} controllers pass on. */
class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Actor resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mav,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
        String address = http == null ? null : http.getRemoteAddr();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal p) {
            return p.toActor(address);
        }
        // an API token on /api (see ApiBearerTokenFilter): its staff member's access, named api:<token name>
        if (auth != null && auth.getPrincipal() instanceof ApiClient client) {
            return client.actor(address);
        }
        throw new AuthenticationCredentialsNotFoundException("sign in first");
    }
}
