package org.relief.procedure.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.relief.careteam.Actor;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.Permission;
import org.relief.careteam.Purpose;
import org.relief.procedure.Orders;
import org.relief.procedure.PolicyValues;
import org.relief.procedure.ProcedureOrder;
import org.relief.procedure.rules.Facts;
import org.relief.procedure.rules.RuleEngine;
import org.relief.shared.JsonApi;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Procedure orders and the rules' decisions as JSON. */
@RestController
@JsonApi
@Tag(name = "Procedures")
class ProcedureApiController {

    private final Orders orders;
    private final PolicyValues policies;
    private final ChartAccess access;

    ProcedureApiController(Orders orders, PolicyValues policies, ChartAccess access) {
        this.orders = orders;
        this.policies = policies;
        this.access = access;
    }

    record OverrideRequest(String reason) {}

    record CancelRequest(String reason) {}

    /** A policy change: the new value, why, and the version of the key the change starts from. */
    record PolicyChangeRequest(BigDecimal value, String reason, Integer basedOnVersion) {}

    @PostMapping("/api/patients/{id}/procedure-orders/check")
    @Operation(summary = "Run the rules on a would-be order without placing it")
    RuleEngine.Result check(@PathVariable UUID id, @RequestBody Facts.Order order, Actor actor) {
        // the guard before the body's checks, so an off-team request with a bad body is a 403 with its audit row;
        // the service then checks the body (Bean Validation on Facts.Order) after its own guard
        access.open(actor, id, Purpose.read("check a procedure order against the rules"));
        OrderForm.requireSide(order);
        return orders.check(actor, id, order);
    }

    @PostMapping("/api/patients/{id}/procedure-orders")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Place an order (physician); the decision and every reason are stored with it")
    ProcedureOrder order(@PathVariable UUID id, @RequestBody Facts.Order order, Actor actor) {
        access.open(actor, id, Purpose.write("order a procedure"), Permission.ORDER_PROCEDURE);
        OrderForm.requireSide(order);
        return orders.order(actor, id, order);
    }

    @GetMapping("/api/patients/{id}/procedure-orders")
    @Operation(summary = "The patient's orders with their decisions and overrides, newest first")
    List<ProcedureOrder> orders(@PathVariable UUID id, Actor actor) {
        return orders.orders(actor, id);
    }

    @PostMapping("/api/patients/{id}/procedure-orders/{orderId}/override")
    @Operation(summary = "Override a BLOCK with a written reason (physician; never the safety hold)")
    ProcedureOrder override(
            @PathVariable UUID id, @PathVariable UUID orderId, @RequestBody OverrideRequest body, Actor actor) {
        return orders.override(actor, id, orderId, body == null ? null : body.reason());
    }

    @PostMapping("/api/patients/{id}/procedure-orders/{orderId}/cancel")
    @Operation(summary = "Cancel an order with a written reason (physician); the order is kept, marked cancelled")
    ProcedureOrder cancel(
            @PathVariable UUID id, @PathVariable UUID orderId, @RequestBody CancelRequest body, Actor actor) {
        return orders.cancel(actor, id, orderId, body == null ? null : body.reason());
    }

    @GetMapping("/api/policy")
    @Operation(summary = "The policy values in force, with units and sources")
    List<PolicyValues.Change> policy() {
        return policies.currentRows();
    }

    @PutMapping("/api/admin/policy/{key}")
    @Operation(
            summary = "Change a policy value (admin): a new version; 409 naming the key when the version it "
                    + "starts from is no longer the latest")
    PolicyValues.Change changePolicy(@PathVariable String key, @RequestBody PolicyChangeRequest body, Actor actor) {
        return policies.change(actor, key, body.value(), body.reason(), body.basedOnVersion());
    }
}
