package dev.jcoder.coderd.provisionerjobs;

import dev.jcoder.coderd.store.ProvisionerJobRow;
import dev.jcoder.coderd.store.Store;
import dev.jcoder.codersdk.VariableValue;
import dev.jcoder.codersdk.provisionerd.FailedJob;
import dev.jcoder.codersdk.provisionerd.JobPayload;
import dev.jcoder.codersdk.provisionerd.JobResult;
import dev.jcoder.codersdk.provisionerd.UpdateJobRequest;
import java.time.Instant;
import java.util.List;

/**
 * What the server does for one type of job: builds what the daemon receives, stores what it
 * reports. Every method gets a store acting as the provisioner daemon system actor; {@link #completed}
 * and {@link #failed} run inside the transaction that ends the job.
 */
public interface JobTypeHandler {

    JobPayload payload(Store store, ProvisionerJobRow job);

    /** Stores the side results of an update (variables, readme); returns the variable values for the daemon. */
    default List<VariableValue> updated(Store store, ProvisionerJobRow job, UpdateJobRequest update, Instant now) {
        return List.of();
    }

    void completed(Store store, ProvisionerJobRow job, JobResult result, Instant now);

    default void failed(Store store, ProvisionerJobRow job, FailedJob failure, Instant now) {}
}
