import * as assert from 'node:assert/strict';
import { assertParses, hit, hits, preparePython, pyFix, pyRun, stack } from '../../helpers/python';

// The volume catalog rules on CDK Python: host paths and EFS volumes, given to add_volume or in the
// task definition's `volumes`, as struct classes (`ecs.EfsVolumeConfiguration(…)`) or as dicts.

/** An EC2 task in awsvpc mode with one add_volume call whose keyword arguments are `args`. */
const volume = (args: string, imports?: string, prelude = '') =>
  stack(`task = ecs.Ec2TaskDefinition(self, "Files", network_mode=ecs.NetworkMode.AWS_VPC)\ntask.add_volume(\n${args}\n)`, imports, prelude);

/** add_volume of an EFS file system whose EfsVolumeConfiguration arguments follow the file system id. */
const efs = (more: string) => volume(`    name="uploads",
    efs_volume_configuration=ecs.EfsVolumeConfiguration(
        file_system_id=file_system.file_system_id,${more}
    ),`);

/** The same, as a dict. */
const efsDict = (more: string) => volume(`    name="uploads",
    efs_volume_configuration={
        "file_system_id": file_system.file_system_id,${more}
    },`);

describe('CDK Python: volume catalog rules', () => {
  before(preparePython);

  describe('host-path-volume', () => {
    const R = 'host-path-volume';

    it('add_volume with a Host: the Docker socket is an error on the path; no fix', () => {
      const text = volume('    name="docker",\n    host=ecs.Host(source_path="/var/run/docker.sock"),');
      assert.deepEqual(hits(text, R), [hit(text, '"/var/run/docker.sock"')]);
      const f = pyRun(text).findings.find(x => x.ruleId === R)!;
      assert.equal(f.severity, 'error');
      assert.equal(f.fix, undefined);
    });

    it('volumes= of the task definition, as ecs.Volume structs and as dicts', () => {
      const text = stack(`task = ecs.Ec2TaskDefinition(
    self,
    "Agent",
    network_mode=ecs.NetworkMode.AWS_VPC,
    volumes=[
        ecs.Volume(name="logs", host=ecs.Host(source_path="/srv/logs")),
        {"name": "root", "host": {"source_path": "/"}},
    ],
)`);
      assert.deepEqual(hits(text, R), [hit(text, '"/srv/logs"'), hit(text, '"/"')]);
      assert.deepEqual(pyRun(text).findings.filter(f => f.ruleId === R).map(f => f.severity), ['warning', 'error']);
    });

    it('stays silent on Docker-managed directories, other volume types and paths it cannot resolve', () => {
      for (const args of [
        '    name="scratch",\n    host=ecs.Host(),',
        '    name="cache",\n    docker_volume_configuration=ecs.DockerVolumeConfiguration(driver="local", scope=ecs.Scope.TASK),',
        '    name="data",\n    host=ecs.Host(source_path=HOST_DATA_DIR),',
        '    name="data",\n    host=ecs.Host(source_path=data_dir(self)),',
        '    name="data",\n    host=host_for(self),',
      ]) {
        assert.deepEqual(hits(volume(args, undefined, 'from app.paths import HOST_DATA_DIR\n'), R), [], args);
      }
    });
  });

  describe('efs-transit-encryption-disabled', () => {
    const R = 'efs-transit-encryption-disabled';

    it('absent: reported on efs_volume_configuration, fixed by adding ENABLED in the struct\'s layout (preferred)', async () => {
      const text = efs('\n        authorization_config=ecs.AuthorizationConfig(iam="ENABLED"),');
      assert.deepEqual(hits(text, R), [hit(text, 'efs_volume_configuration')]);
      const fixed = pyFix(text, R);
      assert.equal(fixed, efs('\n        authorization_config=ecs.AuthorizationConfig(iam="ENABLED"),\n        transit_encryption="ENABLED",'));
      await assertParses(fixed);
      assert.equal(pyRun(text).findings.find(f => f.ruleId === R)!.fix!.preferred, true);
    });

    it('DISABLED: reported on the value and replaced, struct or dict', () => {
      const text = efs('\n        transit_encryption="DISABLED",');
      assert.deepEqual(hits(text, R), [hit(text, '"DISABLED"')]);
      assert.equal(pyFix(text, R), efs('\n        transit_encryption="ENABLED",'));
      const dict = efsDict('\n        "transit_encryption": "DISABLED",');
      assert.deepEqual(hits(dict, R), [hit(dict, '"DISABLED"')]);
      assert.equal(pyFix(dict, R), efsDict('\n        "transit_encryption": "ENABLED",'));
    });

    it('a dict without the key gets a dict entry', () => {
      const text = efsDict('');
      assert.deepEqual(hits(text, R), [hit(text, 'efs_volume_configuration')]);
      assert.equal(pyFix(text, R), efsDict('\n        "transit_encryption": "ENABLED",'));
    });

    it('stays silent on ENABLED and on values or configurations it cannot resolve', () => {
      for (const more of ['\n        transit_encryption="ENABLED",', '\n        transit_encryption=settings.EFS_TRANSIT,', '\n        transit_encryption=TRANSIT,']) {
        assert.deepEqual(hits(efs(more), R), [], more);
      }
      assert.deepEqual(hits(volume('    name="uploads",\n    efs_volume_configuration=uploads_volume_configuration(self),'), R), []);
    });
  });

  describe('efs-iam-authorization-disabled', () => {
    const R = 'efs-iam-authorization-disabled';

    it('no authorization_config: the fix creates ecs.AuthorizationConfig(iam="ENABLED") (not preferred)', async () => {
      const text = efs('\n        transit_encryption="ENABLED",');
      assert.deepEqual(hits(text, R), [hit(text, 'efs_volume_configuration')]);
      const fixed = pyFix(text, R);
      assert.equal(fixed, efs('\n        transit_encryption="ENABLED",\n        authorization_config=ecs.AuthorizationConfig(iam="ENABLED"),'));
      await assertParses(fixed);
      assert.deepEqual(hits(fixed, R), []);
      assert.equal(pyRun(text).findings.find(f => f.ruleId === R)!.fix!.preferred, false);
    });

    it('IAM needs TLS: transit encryption is turned on in the same fix', () => {
      const text = efs('');
      assert.equal(pyFix(text, R), efs('\n        transit_encryption="ENABLED",\n        authorization_config=ecs.AuthorizationConfig(iam="ENABLED"),'));
      const off = efs('\n        transit_encryption="DISABLED",');
      assert.equal(pyFix(off, R), efs('\n        transit_encryption="ENABLED",\n        authorization_config=ecs.AuthorizationConfig(iam="ENABLED"),'));
    });

    it('a dict gets a dict; a struct imported by name gets its class as the file names it', () => {
      const dict = efsDict('\n        "transit_encryption": "ENABLED",');
      assert.deepEqual(hits(dict, R), [hit(dict, 'efs_volume_configuration')]);
      assert.equal(pyFix(dict, R), efsDict('\n        "transit_encryption": "ENABLED",\n        "authorization_config": {"iam": "ENABLED"},'));
      const named = 'from aws_cdk.aws_ecs import AuthorizationConfig, EfsVolumeConfiguration, FargateTaskDefinition\n\ntask = FargateTaskDefinition(self, "T")\ntask.add_volume(name="d", efs_volume_configuration=EfsVolumeConfiguration(file_system_id="fs-1", transit_encryption="ENABLED"))\n';
      assert.equal(pyFix(named, R), named.replace('transit_encryption="ENABLED")', 'transit_encryption="ENABLED", authorization_config=AuthorizationConfig(iam="ENABLED"))'));
    });

    it('an AuthorizationConfig without iam gets the argument; iam="DISABLED" is replaced', () => {
      const ap = efs('\n        transit_encryption="ENABLED",\n        authorization_config=ecs.AuthorizationConfig(access_point_id=access_point.access_point_id),');
      assert.equal(pyFix(ap, R), ap.replace('(access_point_id=access_point.access_point_id)', '(access_point_id=access_point.access_point_id, iam="ENABLED")'));
      const off = efs('\n        transit_encryption="ENABLED",\n        authorization_config=ecs.AuthorizationConfig(iam="DISABLED"),');
      assert.deepEqual(hits(off, R), [hit(off, '"DISABLED"')]);
      assert.equal(pyFix(off, R), off.replace('iam="DISABLED"', 'iam="ENABLED"'));
    });

    it('L1: the property struct is written as a dict, which CDK accepts', () => {
      const text = `from aws_cdk import aws_ecs as ecs

ecs.CfnTaskDefinition(self, "L1", volumes=[
    ecs.CfnTaskDefinition.VolumeProperty(
        name="data",
        efs_volume_configuration=ecs.CfnTaskDefinition.EFSVolumeConfigurationProperty(filesystem_id="fs-1", transit_encryption="ENABLED"),
    ),
])
`;
      assert.deepEqual(hits(text, R), [hit(text, 'efs_volume_configuration')]);
      assert.equal(pyFix(text, R), text.replace('transit_encryption="ENABLED")', 'transit_encryption="ENABLED", authorization_config={"iam": "ENABLED"})'));
    });

    it('stays silent on ENABLED and on configurations it cannot resolve', () => {
      for (const more of [
        '\n        transit_encryption="ENABLED",\n        authorization_config=ecs.AuthorizationConfig(iam="ENABLED"),',
        '\n        transit_encryption="ENABLED",\n        authorization_config=ecs.AuthorizationConfig(iam=IAM_MODE),',
        '\n        transit_encryption="ENABLED",\n        authorization_config=authorization_for(self),',
      ]) {
        assert.deepEqual(hits(efs(more), R), [], more);
      }
      assert.deepEqual(hits(volume('    name="uploads",\n    efs_volume_configuration=SHARED_EFS,', undefined, 'from app.storage import SHARED_EFS\n'), R), []);
    });
  });
});
