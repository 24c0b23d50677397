"""The same services written safely: ECS Guard reports nothing here."""
from aws_cdk import Duration, Stack
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_ecs as ecs
from aws_cdk import aws_iam as iam
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct

REGISTRY = "111122223333.dkr.ecr.eu-west-1.amazonaws.com"
WORKER_IMAGE = f"{REGISTRY}/worker@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"


class HardenedStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = ec2.Vpc(self, "Vpc", max_azs=2)
        cluster = ecs.Cluster(self, "Cluster", vpc=vpc, container_insights=True)
        db_secret = secretsmanager.Secret.from_secret_name_v2(self, "DbSecret", "worker/db-password")

        worker = ecs.FargateTaskDefinition(self, "WorkerTask", memory_limit_mib=512, cpu=256)
        worker_params = ecs.LinuxParameters(self, "WorkerParams", init_process_enabled=True)
        worker_params.drop_capabilities(ecs.Capability.ALL)
        worker.add_container(
            "worker",
            image=ecs.ContainerImage.from_registry(WORKER_IMAGE),
            memory_limit_mib=512,
            user="1000:1000",
            readonly_root_filesystem=True,
            linux_parameters=worker_params,
            environment={"LOG_LEVEL": "info"},
            secrets={"DB_PASSWORD": ecs.Secret.from_secrets_manager(db_secret)},
            logging=ecs.LogDrivers.aws_logs(stream_prefix="worker"),
            health_check=ecs.HealthCheck(
                command=["CMD-SHELL", "/app/healthcheck || exit 1"],
                interval=Duration.seconds(30),
            ),
        )
        worker.add_to_task_role_policy(
            iam.PolicyStatement(
                actions=["s3:GetObject", "s3:PutObject"],
                resources=["arn:aws:s3:::worker-data-111122223333/*"],
            )
        )
        ecs.FargateService(self, "WorkerService", cluster=cluster, task_definition=worker, assign_public_ip=False)
